package dev.migrate.resolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * The methods of one class file as instruction lists, read with ASM's visitors (Spring's
 * ASM has no tree API). Debug attributes, stack map frames and annotations are never
 * read; member order is kept only so that look-ups are by name and descriptor.
 */
final class ClassModel {

	final String name;

	/** Methods by name + descriptor. */
	final Map<String, MethodModel> methods = new HashMap<>();

	private @Nullable Map<String, List<MethodModel>> writers;

	private ClassModel(String name) {
		this.name = name;
	}

	static ClassModel read(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		ClassModel model = new ClassModel(reader.getClassName());
		reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
					String @Nullable [] exceptions) {
				MethodModel method = new MethodModel(access, name, descriptor);
				model.methods.put(name + descriptor, method);
				return new Collector(method);
			}

		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return model;
	}

	@Nullable MethodModel method(String name, String descriptor) {
		return this.methods.get(name + descriptor);
	}

	/**
	 * The methods that assign a field of this class, in no particular order.
	 * @param field the field's name, {@code :} and descriptor
	 * @return the methods
	 */
	List<MethodModel> writersOf(String field) {
		Map<String, List<MethodModel>> writers = this.writers;
		if (writers == null) {
			writers = new HashMap<>();
			for (MethodModel method : this.methods.values()) {
				for (Insn insn : method.code) {
					if ((insn.opcode == Opcodes.PUTFIELD || insn.opcode == Opcodes.PUTSTATIC)
							&& this.name.equals(insn.owner)) {
						List<MethodModel> list = writers.computeIfAbsent(insn.name + ":" + insn.descriptor,
								(key) -> new ArrayList<>());
						if (!list.contains(method)) {
							list.add(method);
						}
					}
				}
			}
			this.writers = writers;
		}
		return writers.getOrDefault(field, List.of());
	}

	/** A method and its code. */
	static final class MethodModel {

		final int access;

		final String name;

		final String descriptor;

		final List<Insn> code = new ArrayList<>();

		final List<TryCatch> tryCatches = new ArrayList<>();

		int maxLocals;

		MethodModel(int access, String name, String descriptor) {
			this.access = access;
			this.name = name;
			this.descriptor = descriptor;
		}

		boolean isStatic() {
			return (this.access & Opcodes.ACC_STATIC) != 0;
		}

		boolean hasCode() {
			return !this.code.isEmpty();
		}

		String key() {
			return this.name + this.descriptor;
		}

	}

	/**
	 * An entry of a method's exception table; its labels are {@link Insn#LABEL} nodes.
	 */
	record TryCatch(Insn start, Insn end, Insn handler, @Nullable String type) {
	}

	/**
	 * Collects a method's instructions. Labels become {@link Insn#LABEL} nodes so that
	 * later passes can remove or replace instructions without renumbering jumps; every
	 * form of a constant ({@code iconst_1}, {@code bipush}, {@code sipush}, {@code ldc},
	 * {@code ldc_w}) becomes one {@link Insn#CONST} node.
	 */
	private static final class Collector extends MethodVisitor {

		private final MethodModel method;

		private final Map<Label, Insn> labels = new IdentityHashMap<>();

		Collector(MethodModel method) {
			super(SpringAsmInfo.ASM_VERSION);
			this.method = method;
		}

		private Insn label(Label label) {
			return this.labels.computeIfAbsent(label, (key) -> new Insn(Insn.LABEL));
		}

		private void add(Insn insn) {
			this.method.code.add(insn);
		}

		@Override
		public void visitLabel(Label label) {
			add(label(label));
		}

		@Override
		public void visitInsn(int opcode) {
			if (opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1) {
				add(Insn.constant(constantOf(opcode)));
			}
			else if (opcode != Opcodes.NOP) {
				add(new Insn(opcode));
			}
		}

		private static Object constantOf(int opcode) {
			return switch (opcode) {
				case Opcodes.ACONST_NULL -> Insn.NULL;
				case Opcodes.LCONST_0, Opcodes.LCONST_1 -> (long) (opcode - Opcodes.LCONST_0);
				case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> (float) (opcode - Opcodes.FCONST_0);
				case Opcodes.DCONST_0, Opcodes.DCONST_1 -> (double) (opcode - Opcodes.DCONST_0);
				default -> opcode - Opcodes.ICONST_0;
			};
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			if (opcode == Opcodes.NEWARRAY) {
				Insn insn = new Insn(opcode);
				insn.operand = operand;
				add(insn);
			}
			else {
				add(Insn.constant(operand));
			}
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			Insn insn = new Insn(opcode);
			insn.operand = varIndex;
			add(insn);
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			Insn insn = new Insn(Opcodes.IINC);
			insn.operand = varIndex;
			insn.increment = increment;
			add(insn);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			Insn insn = new Insn(opcode);
			insn.owner = type;
			add(insn);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			Insn insn = new Insn(opcode);
			insn.owner = owner;
			insn.name = name;
			insn.descriptor = descriptor;
			add(insn);
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			Insn insn = new Insn(opcode);
			insn.owner = owner;
			insn.name = name;
			insn.descriptor = descriptor;
			insn.isInterface = isInterface;
			add(insn);
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
			Insn insn = new Insn(Opcodes.INVOKEDYNAMIC);
			insn.name = name;
			insn.descriptor = descriptor;
			insn.bootstrap = bootstrap;
			insn.arguments = arguments.clone();
			add(insn);
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			Insn insn = new Insn(opcode);
			insn.targets = new Insn[] { label(label) };
			add(insn);
		}

		@Override
		public void visitLdcInsn(Object value) {
			add(Insn.constant(value));
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
			Insn insn = new Insn(Opcodes.LOOKUPSWITCH);
			insn.keys = new int[labels.length];
			insn.targets = new Insn[labels.length + 1];
			for (int i = 0; i < labels.length; i++) {
				insn.keys[i] = min + i;
				insn.targets[i] = label(labels[i]);
			}
			insn.targets[labels.length] = label(defaultLabel);
			add(insn);
		}

		@Override
		public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
			Insn insn = new Insn(Opcodes.LOOKUPSWITCH);
			insn.keys = keys.clone();
			insn.targets = new Insn[labels.length + 1];
			for (int i = 0; i < labels.length; i++) {
				insn.targets[i] = label(labels[i]);
			}
			insn.targets[labels.length] = label(defaultLabel);
			add(insn);
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
			Insn insn = new Insn(Opcodes.MULTIANEWARRAY);
			insn.owner = descriptor;
			insn.operand = numDimensions;
			add(insn);
		}

		@Override
		public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
			this.method.tryCatches.add(new TryCatch(label(start), label(end), label(handler), type));
		}

		@Override
		public void visitMaxs(int maxStack, int maxLocals) {
			this.method.maxLocals = maxLocals;
		}

	}

}
