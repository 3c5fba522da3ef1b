package dev.migrate.resolver;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Handle;

/**
 * One instruction of a method being fingerprinted, with its constant-pool references
 * resolved. Besides JVM opcodes it has pseudo opcodes: {@link #LABEL} (a position jumps
 * and the exception table refer to), {@link #CONST} (a constant, however it was encoded)
 * and {@link #CONCAT} (a string concatenation, however it was compiled).
 */
final class Insn {

	/** A position in the code. */
	static final int LABEL = -1;

	/** Push {@link #constant}. */
	static final int CONST = -2;

	/**
	 * Concatenate {@link #pieces}: literal strings and {@link Piece#argument arguments}.
	 */
	static final int CONCAT = -3;

	/** The {@code null} constant. */
	static final Object NULL = new Object() {

		@Override
		public String toString() {
			return "null";
		}

	};

	final int opcode;

	/**
	 * Local variable slot, {@code newarray} type or {@code multianewarray} dimensions.
	 */
	int operand;

	int increment;

	@Nullable Object constant;

	/** Owner of a field or method, type of a type instruction, array descriptor. */
	@Nullable String owner;

	@Nullable String name;

	@Nullable String descriptor;

	boolean isInterface;

	@Nullable Handle bootstrap;

	Object @Nullable [] arguments;

	/** Jump targets; for a switch the case targets, then the default. */
	Insn @Nullable [] targets;

	int @Nullable [] keys;

	Piece @Nullable [] pieces;

	/** For {@link #LABEL}: referred to by a jump, a switch or the exception table. */
	boolean referenced;

	Insn(int opcode) {
		this.opcode = opcode;
	}

	static Insn constant(Object value) {
		Insn insn = new Insn(CONST);
		insn.constant = value;
		return insn;
	}

	static Insn variable(int opcode, int slot) {
		Insn insn = new Insn(opcode);
		insn.operand = slot;
		return insn;
	}

	boolean isLabel() {
		return this.opcode == LABEL;
	}

	/**
	 * A piece of a {@link #CONCAT}: a literal, or an argument taken from the stack with
	 * the kind of string conversion it gets.
	 *
	 * @param literal the literal text, or {@code null} for an argument
	 * @param argument the conversion of an argument: {@code Z}, {@code C}, {@code I},
	 * {@code J}, {@code F}, {@code D} or {@code A} (any reference)
	 */
	record Piece(@Nullable String literal, char argument) {

		static Piece literal(String text) {
			return new Piece(text, ' ');
		}

		static Piece argument(char conversion) {
			return new Piece(null, conversion);
		}

		boolean isLiteral() {
			return this.literal != null;
		}

	}

}
