package se.dsrdesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTest {

	@Test
	void aPageNumberIsNeverNegativeNorSoFarThatItsOffsetOverflows() {
		assertThat(Pages.number(-5, 25)).isZero();
		assertThat(Pages.number(3, 25)).isEqualTo(3);
		int last = Pages.number(Integer.MAX_VALUE, 25);
		assertThat((long) last * 25).isLessThanOrEqualTo(Integer.MAX_VALUE);
		assertThat((long) (last + 1) * 25).isGreaterThan(Integer.MAX_VALUE - 25L);
	}

}
