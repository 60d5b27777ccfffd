package se.dsrdesk.account.draft;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.dsrdesk.account.StaffPrincipal;

/**
 * Drafts for the pages' script (static/js/drafts.js): saved as a staff member types (form
 * fields with the CSRF token, so a draft is saved only within a live session), read when
 * a page opens, discarded when its form is sent. Each account reaches only its own
 * drafts. An ended session answers as for any staff page (to the sign-in page), which the
 * script takes as the sign that the session has ended.
 */
@RestController
@RequestMapping("/staff/account/drafts")
class TextDraftController {

	private final TextDrafts drafts;

	TextDraftController(TextDrafts drafts) {
		this.drafts = drafts;
	}

	@PostMapping
	ResponseEntity<Void> save(@RequestParam String path, @RequestParam String field, @RequestParam String text,
			@AuthenticationPrincipal StaffPrincipal me) {
		if (!valid(path) || !field.matches("[A-Za-z][A-Za-z0-9_.-]{0,99}") || text.length() > TextDrafts.MAX_LENGTH) {
			return ResponseEntity.badRequest().build();
		}
		if (text.isBlank()) {
			this.drafts.discard(me.id(), path, field);
		}
		else {
			this.drafts.save(me.id(), path, field, text);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	ResponseEntity<List<TextDrafts.Draft>> read(@RequestParam String path, @AuthenticationPrincipal StaffPrincipal me) {
		if (!valid(path)) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.ok(this.drafts.on(me.id(), path));
	}

	@PostMapping("/discard")
	ResponseEntity<Void> discard(@RequestParam String path, @AuthenticationPrincipal StaffPrincipal me) {
		if (!valid(path)) {
			return ResponseEntity.badRequest().build();
		}
		this.drafts.discard(me.id(), path);
		return ResponseEntity.noContent().build();
	}

	/** Only the application's staff pages have drafts. */
	private static boolean valid(String path) {
		return path.length() <= 300 && path.matches("/staff/[A-Za-z0-9/_-]*");
	}

}
