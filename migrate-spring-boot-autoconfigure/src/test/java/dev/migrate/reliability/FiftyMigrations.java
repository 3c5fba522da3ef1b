package dev.migrate.reliability;

import dev.migrate.Migration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fifty ordinary migrations for the multi-process tests: each creates a table and an
 * index, and its down drops them. Generated once; kept as plain code so each migration
 * has a class (and so a checksum) of its own.
 */
final class FiftyMigrations {

	private FiftyMigrations() {
	}

	@Migration(version = "1")
	static class CreateTable01 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_01 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_01_name ON rel_01 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_01");
		}

	}

	@Migration(version = "2")
	static class CreateTable02 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_02 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_02_name ON rel_02 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_02");
		}

	}

	@Migration(version = "3")
	static class CreateTable03 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_03 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_03_name ON rel_03 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_03");
		}

	}

	@Migration(version = "4")
	static class CreateTable04 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_04 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_04_name ON rel_04 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_04");
		}

	}

	@Migration(version = "5")
	static class CreateTable05 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_05 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_05_name ON rel_05 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_05");
		}

	}

	@Migration(version = "6")
	static class CreateTable06 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_06 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_06_name ON rel_06 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_06");
		}

	}

	@Migration(version = "7")
	static class CreateTable07 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_07 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_07_name ON rel_07 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_07");
		}

	}

	@Migration(version = "8")
	static class CreateTable08 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_08 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_08_name ON rel_08 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_08");
		}

	}

	@Migration(version = "9")
	static class CreateTable09 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_09 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_09_name ON rel_09 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_09");
		}

	}

	@Migration(version = "10")
	static class CreateTable10 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_10 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_10_name ON rel_10 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_10");
		}

	}

	@Migration(version = "11")
	static class CreateTable11 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_11 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_11_name ON rel_11 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_11");
		}

	}

	@Migration(version = "12")
	static class CreateTable12 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_12 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_12_name ON rel_12 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_12");
		}

	}

	@Migration(version = "13")
	static class CreateTable13 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_13 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_13_name ON rel_13 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_13");
		}

	}

	@Migration(version = "14")
	static class CreateTable14 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_14 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_14_name ON rel_14 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_14");
		}

	}

	@Migration(version = "15")
	static class CreateTable15 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_15 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_15_name ON rel_15 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_15");
		}

	}

	@Migration(version = "16")
	static class CreateTable16 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_16 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_16_name ON rel_16 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_16");
		}

	}

	@Migration(version = "17")
	static class CreateTable17 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_17 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_17_name ON rel_17 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_17");
		}

	}

	@Migration(version = "18")
	static class CreateTable18 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_18 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_18_name ON rel_18 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_18");
		}

	}

	@Migration(version = "19")
	static class CreateTable19 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_19 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_19_name ON rel_19 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_19");
		}

	}

	@Migration(version = "20")
	static class CreateTable20 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_20 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_20_name ON rel_20 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_20");
		}

	}

	@Migration(version = "21")
	static class CreateTable21 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_21 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_21_name ON rel_21 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_21");
		}

	}

	@Migration(version = "22")
	static class CreateTable22 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_22 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_22_name ON rel_22 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_22");
		}

	}

	@Migration(version = "23")
	static class CreateTable23 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_23 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_23_name ON rel_23 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_23");
		}

	}

	@Migration(version = "24")
	static class CreateTable24 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_24 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_24_name ON rel_24 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_24");
		}

	}

	@Migration(version = "25")
	static class CreateTable25 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_25 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_25_name ON rel_25 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_25");
		}

	}

	@Migration(version = "26")
	static class CreateTable26 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_26 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_26_name ON rel_26 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_26");
		}

	}

	@Migration(version = "27")
	static class CreateTable27 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_27 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_27_name ON rel_27 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_27");
		}

	}

	@Migration(version = "28")
	static class CreateTable28 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_28 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_28_name ON rel_28 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_28");
		}

	}

	@Migration(version = "29")
	static class CreateTable29 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_29 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_29_name ON rel_29 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_29");
		}

	}

	@Migration(version = "30")
	static class CreateTable30 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_30 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_30_name ON rel_30 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_30");
		}

	}

	@Migration(version = "31")
	static class CreateTable31 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_31 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_31_name ON rel_31 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_31");
		}

	}

	@Migration(version = "32")
	static class CreateTable32 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_32 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_32_name ON rel_32 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_32");
		}

	}

	@Migration(version = "33")
	static class CreateTable33 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_33 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_33_name ON rel_33 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_33");
		}

	}

	@Migration(version = "34")
	static class CreateTable34 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_34 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_34_name ON rel_34 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_34");
		}

	}

	@Migration(version = "35")
	static class CreateTable35 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_35 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_35_name ON rel_35 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_35");
		}

	}

	@Migration(version = "36")
	static class CreateTable36 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_36 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_36_name ON rel_36 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_36");
		}

	}

	@Migration(version = "37")
	static class CreateTable37 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_37 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_37_name ON rel_37 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_37");
		}

	}

	@Migration(version = "38")
	static class CreateTable38 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_38 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_38_name ON rel_38 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_38");
		}

	}

	@Migration(version = "39")
	static class CreateTable39 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_39 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_39_name ON rel_39 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_39");
		}

	}

	@Migration(version = "40")
	static class CreateTable40 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_40 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_40_name ON rel_40 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_40");
		}

	}

	@Migration(version = "41")
	static class CreateTable41 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_41 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_41_name ON rel_41 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_41");
		}

	}

	@Migration(version = "42")
	static class CreateTable42 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_42 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_42_name ON rel_42 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_42");
		}

	}

	@Migration(version = "43")
	static class CreateTable43 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_43 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_43_name ON rel_43 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_43");
		}

	}

	@Migration(version = "44")
	static class CreateTable44 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_44 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_44_name ON rel_44 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_44");
		}

	}

	@Migration(version = "45")
	static class CreateTable45 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_45 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_45_name ON rel_45 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_45");
		}

	}

	@Migration(version = "46")
	static class CreateTable46 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_46 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_46_name ON rel_46 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_46");
		}

	}

	@Migration(version = "47")
	static class CreateTable47 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_47 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_47_name ON rel_47 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_47");
		}

	}

	@Migration(version = "48")
	static class CreateTable48 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_48 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_48_name ON rel_48 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_48");
		}

	}

	@Migration(version = "49")
	static class CreateTable49 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_49 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_49_name ON rel_49 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_49");
		}

	}

	@Migration(version = "50")
	static class CreateTable50 {

		public void up(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE rel_50 (id INT PRIMARY KEY, name VARCHAR(50))");
			jdbc.execute("CREATE INDEX rel_50_name ON rel_50 (name)");
		}

		public void down(JdbcTemplate jdbc) {
			jdbc.execute("DROP TABLE rel_50");
		}

	}

}
