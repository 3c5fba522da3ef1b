package dev.migrate.resolver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.resolver.ClassModel.MethodModel;
import dev.migrate.resolver.Insn.Piece;
import dev.migrate.resolver.MethodNormalizer.Block;
import dev.migrate.resolver.MethodNormalizer.Handler;
import dev.migrate.resolver.MethodNormalizer.Normalized;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ConstantDynamic;
import org.springframework.asm.Handle;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Writes the canonical text of a migration class: {@code up}, {@code down} and every
 * method of the class they reach, each normalized by {@link MethodNormalizer}.
 * <p>
 * Methods of the class are numbered in the order they are first reached ({@code up}
 * first), so their names (javac's {@code lambda$up$0}, ECJ's {@code lambda$0}) and their
 * order in the class file do not count. References to other classes keep their owner,
 * name and descriptor; the class's own name is written as {@code THIS}, so moving or
 * renaming the class does not count either. When a reached method reads a field of the
 * class, the methods that assign that field are included too: the constructors for
 * instance fields (where field initializers are compiled), the static initializer for
 * static ones, and any other method that assigns it.
 */
final class CanonicalWriter {

	private static final String THIS = "THIS";

	private final ClassModel model;

	private final String descriptorOfThis;

	private final StringBuilder out = new StringBuilder(2048);

	private final Map<MethodModel, Integer> ids = new IdentityHashMap<>();

	private final Deque<MethodModel> queue = new ArrayDeque<>();

	private final Set<String> fieldsRead = new LinkedHashSet<>();

	private final Set<String> fieldsDone = new HashSet<>();

	private CanonicalWriter(ClassModel model) {
		this.model = model;
		this.descriptorOfThis = "L" + model.name + ";";
	}

	/**
	 * The canonical text of a migration class.
	 * @param model the class
	 * @return the text the fingerprint hashes
	 */
	static String write(ClassModel model) {
		CanonicalWriter writer = new CanonicalWriter(model);
		writer.out.append(Fingerprint.BYTECODE).append('\n');
		writer.roots("up");
		writer.roots("down");
		writer.drain();
		return writer.out.toString();
	}

	/** The migration methods of a name, by descriptor: normally exactly one. */
	private void roots(String name) {
		List<MethodModel> roots = this.model.methods.values()
			.stream()
			.filter((method) -> method.name.equals(name) && !method.isStatic()
					&& (method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0)
			.sorted(Comparator.comparing((MethodModel method) -> method.descriptor))
			.toList();
		this.out.append(name).append(' ').append(roots.size()).append('\n');
		for (MethodModel root : roots) {
			id(root);
		}
	}

	private void drain() {
		while (true) {
			while (!this.queue.isEmpty()) {
				method(this.queue.poll());
			}
			List<String> fields = new ArrayList<>();
			for (String field : this.fieldsRead) {
				if (this.fieldsDone.add(field)) {
					fields.add(field);
				}
			}
			if (fields.isEmpty()) {
				return;
			}
			for (String field : fields) {
				List<MethodModel> writers = new ArrayList<>(this.model.writersOf(field));
				writers.sort(Comparator.comparing(MethodModel::key));
				this.out.append("field ").append(descriptor(field)).append(" written by");
				for (MethodModel writer : writers) {
					this.out.append(" M").append(id(writer));
				}
				this.out.append('\n');
			}
		}
	}

	private int id(MethodModel method) {
		Integer id = this.ids.get(method);
		if (id == null) {
			id = this.ids.size();
			this.ids.put(method, id);
			this.queue.add(method);
		}
		return id;
	}

	private void method(MethodModel method) {
		this.out.append('M').append(this.ids.get(method)).append(method.isStatic() ? " static " : " instance ");
		if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
			this.out.append("synchronized ");
		}
		this.out.append(descriptor(method.descriptor)).append('\n');
		if (!method.hasCode()) {
			this.out.append(" no code\n");
			return;
		}
		Normalized normalized = MethodNormalizer.normalize(method);
		Map<Integer, String> variables = new HashMap<>();
		normalized.parameterWebs().forEach((web, slot) -> variables.put(web, "p" + slot));
		for (Block block : normalized.blocks()) {
			this.out.append(" B").append(block.number);
			for (Handler handler : block.handlers) {
				this.out.append(" catch ")
					.append((handler.type() != null) ? name(handler.type()) : "*")
					.append(">B")
					.append(handler.block().number);
			}
			this.out.append('\n');
			for (Insn insn : block.insns) {
				this.out.append("  ");
				insn(insn, normalized, variables);
				this.out.append('\n');
			}
			this.out.append("  ");
			terminator(block, normalized, variables);
			this.out.append('\n');
		}
	}

	private void terminator(Block block, Normalized normalized, Map<Integer, String> variables) {
		Insn terminator = block.terminator;
		if (terminator == null) {
			this.out.append((block.next != null) ? "goto B" + block.next.number : "end");
			return;
		}
		int opcode = terminator.opcode;
		if (MethodNormalizer.isConditional(opcode) || opcode == Opcodes.JSR) {
			this.out.append("op")
				.append(opcode)
				.append(" B")
				.append(block.targets[0].number)
				.append(" B")
				.append(Objects.requireNonNull(block.next).number);
		}
		else if (opcode == Opcodes.LOOKUPSWITCH) {
			int[] keys = Objects.requireNonNull(terminator.keys);
			this.out.append("switch");
			for (int i = 0; i < keys.length; i++) {
				this.out.append(' ').append(keys[i]).append(">B").append(block.targets[i].number);
			}
			this.out.append(" default>B").append(block.targets[keys.length].number);
		}
		else if (opcode == Opcodes.RET) {
			this.out.append("ret ").append(variable(terminator, normalized, variables));
		}
		else {
			this.out.append("op").append(opcode);
		}
	}

	private void insn(Insn insn, Normalized normalized, Map<Integer, String> variables) {
		int opcode = insn.opcode;
		switch (opcode) {
			case Insn.CONST -> constant(insn.constant);
			case Insn.CONCAT -> {
				this.out.append("concat");
				for (Piece piece : Objects.requireNonNull(insn.pieces)) {
					this.out.append(' ');
					if (piece.isLiteral()) {
						string(Objects.requireNonNull(piece.literal()));
					}
					else {
						this.out.append(piece.argument());
					}
				}
			}
			case Opcodes.IINC -> this.out.append("iinc ")
				.append(variable(insn, normalized, variables))
				.append(' ')
				.append(insn.increment);
			case Opcodes.NEWARRAY -> this.out.append("newarray ").append(insn.operand);
			case Opcodes.MULTIANEWARRAY ->
				this.out.append("multianewarray ").append(type(insn.owner)).append(' ').append(insn.operand);
			case Opcodes.NEW, Opcodes.ANEWARRAY, Opcodes.CHECKCAST, Opcodes.INSTANCEOF ->
				this.out.append("op").append(opcode).append(' ').append(type(insn.owner));
			case Opcodes.GETFIELD, Opcodes.GETSTATIC, Opcodes.PUTFIELD, Opcodes.PUTSTATIC -> {
				String owner = Objects.requireNonNull(insn.owner);
				if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && owner.equals(this.model.name)) {
					this.fieldsRead.add(insn.name + ":" + insn.descriptor);
				}
				this.out.append("op")
					.append(opcode)
					.append(' ')
					.append(name(owner))
					.append('.')
					.append(insn.name)
					.append(':')
					.append(descriptor(insn.descriptor));
			}
			case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE -> {
				MethodModel own = own(insn.owner, insn.name, insn.descriptor);
				if (own != null) {
					this.out.append((opcode == Opcodes.INVOKESTATIC) ? "call static M" : "call M").append(id(own));
				}
				else {
					this.out.append("op")
						.append(opcode)
						.append(' ')
						.append(name(insn.owner))
						.append('.')
						.append(insn.name)
						.append(descriptor(insn.descriptor));
				}
			}
			case Opcodes.INVOKEDYNAMIC -> {
				this.out.append("indy ").append(insn.name).append(descriptor(insn.descriptor)).append(' ');
				handle(Objects.requireNonNull(insn.bootstrap));
				for (Object argument : Objects.requireNonNull(insn.arguments)) {
					this.out.append(' ');
					constant(argument);
				}
			}
			default -> {
				if (MethodNormalizer.isLoad(insn) || MethodNormalizer.isStore(insn)) {
					this.out.append("op").append(opcode).append(' ').append(variable(insn, normalized, variables));
				}
				else {
					this.out.append("op").append(opcode);
				}
			}
		}
	}

	/** Parameters by slot, other variables numbered as first written out. */
	private static String variable(Insn insn, Normalized normalized, Map<Integer, String> variables) {
		Integer web = normalized.webs().get(insn);
		if (web == null) {
			return "?";
		}
		return variables.computeIfAbsent(web, (key) -> "v" + variables.size());
	}

	private @Nullable MethodModel own(@Nullable String owner, @Nullable String name, @Nullable String descriptor) {
		if (!this.model.name.equals(owner) || name == null || descriptor == null) {
			return null;
		}
		return this.model.method(name, descriptor);
	}

	private void handle(Handle handle) {
		MethodModel own = (handle.getTag() >= Opcodes.H_INVOKEVIRTUAL)
				? own(handle.getOwner(), handle.getName(), handle.getDesc()) : null;
		if (own != null) {
			// javac refers to a private lambda with invokeVirtual, ECJ with
			// invokeSpecial.
			String kind = switch (handle.getTag()) {
				case Opcodes.H_INVOKESTATIC -> "static";
				case Opcodes.H_NEWINVOKESPECIAL -> "new";
				default -> "instance";
			};
			this.out.append("handle ").append(kind).append(" M").append(id(own));
			return;
		}
		this.out.append("handle ")
			.append(handle.getTag())
			.append(' ')
			.append(name(handle.getOwner()))
			.append('.')
			.append(handle.getName())
			.append(descriptor(handle.getDesc()));
		if (handle.isInterface()) {
			this.out.append(" interface");
		}
	}

	private void constant(@Nullable Object value) {
		if (value instanceof Integer integer) {
			this.out.append('I').append(integer);
		}
		else if (value instanceof Long number) {
			this.out.append('J').append(number);
		}
		else if (value instanceof Float number) {
			this.out.append('F').append(Integer.toHexString(Float.floatToRawIntBits(number)));
		}
		else if (value instanceof Double number) {
			this.out.append('D').append(Long.toHexString(Double.doubleToRawLongBits(number)));
		}
		else if (value instanceof String string) {
			string(string);
		}
		else if (value instanceof Type type) {
			this.out.append((type.getSort() == Type.METHOD) ? "methodtype " : "class ")
				.append(descriptor(type.getDescriptor()));
		}
		else if (value instanceof Handle handle) {
			handle(handle);
		}
		else if (value instanceof ConstantDynamic dynamic) {
			this.out.append("condy ").append(dynamic.getName()).append(descriptor(dynamic.getDescriptor())).append(' ');
			handle(dynamic.getBootstrapMethod());
			for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
				this.out.append(' ');
				constant(dynamic.getBootstrapMethodArgument(i));
			}
			this.out.append(" end");
		}
		else {
			this.out.append(value);
		}
	}

	/** A string with its length first, so no content can look like a separator. */
	private void string(String value) {
		this.out.append('S').append(value.length()).append(':').append(value);
	}

	private String name(@Nullable String internalName) {
		return this.model.name.equals(internalName) ? THIS : String.valueOf(internalName);
	}

	private String type(@Nullable String internalNameOrDescriptor) {
		String type = String.valueOf(internalNameOrDescriptor);
		return type.startsWith("[") ? descriptor(type) : name(type);
	}

	private String descriptor(@Nullable String descriptor) {
		String text = String.valueOf(descriptor);
		return text.contains(this.descriptorOfThis) ? text.replace(this.descriptorOfThis, "L" + THIS + ";") : text;
	}

}
