package dev.migrate.resolver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.resolver.ClassModel.MethodModel;
import dev.migrate.resolver.ClassModel.TryCatch;
import dev.migrate.resolver.Insn.Piece;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Turns a method's instructions into a canonical control-flow graph: the same for every
 * compiler, target release and layout of the same source.
 * <ol>
 * <li>Straight-line rewrites: {@code dup; store t} becomes {@code store t; load t} (ECJ
 * keeps a copy on the stack where javac reloads it); javac's null check of {@code this}
 * before an inlined constant field ({@code Objects.requireNonNull(this); pop}) is
 * dropped.</li>
 * <li>Basic blocks are split at jump targets and exception-range boundaries;
 * {@code goto}s are dropped, blocks with no instructions are bypassed and a block that is
 * the only successor of its only predecessor (with the same exception handlers) is merged
 * into it.</li>
 * <li>String concatenation, compiled as {@code invokedynamic makeConcatWithConstants},
 * {@code makeConcat} or a {@code StringBuilder} chain, becomes one {@link Insn#CONCAT}
 * with its constants folded into the literal pieces.</li>
 * <li>Local variables are renamed by their def-use webs (reaching definitions over the
 * graph, exception edges included), so slot numbers and slot reuse do not matter; a store
 * whose value is never read becomes a {@code pop}; a constant or a load that is popped,
 * and pops just before a {@code return}, are removed.</li>
 * <li>Conditional jumps are turned to one polarity of each pair ({@code ifeq} rather than
 * {@code ifne}, swapping the branches); switches list their non-default cases by key;
 * blocks are ordered by a depth-first walk from the entry that visits the taken branch,
 * the other branch, switch cases by key and then exception handlers in table order.</li>
 * </ol>
 */
final class MethodNormalizer {

	private static final String STRING_BUILDER = "java/lang/StringBuilder";

	private static final String STRING_CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";

	private final MethodModel method;

	private final List<Block> blocks = new ArrayList<>();

	private Block entry;

	/** Web of each definition (store, iinc, parameter) and use (load, iinc, ret). */
	private final Map<Insn, Integer> webs = new IdentityHashMap<>();

	/** Webs that hold a parameter, and its slot. */
	private final Map<Integer, Integer> parameterWebs = new HashMap<>();

	/** Webs that some load reads. */
	private BitSet usedWebs = new BitSet();

	private MethodNormalizer(MethodModel method) {
		this.method = method;
		this.entry = new Block(0);
	}

	/**
	 * Normalize a method that has code.
	 * @param method the method
	 * @return its blocks in canonical order, with local variables resolved to webs
	 */
	static Normalized normalize(MethodModel method) {
		MethodNormalizer normalizer = new MethodNormalizer(method);
		List<Insn> code = normalizer.rewriteStraightLine(normalizer.referencedCode());
		normalizer.buildBlocks(code);
		normalizer.simplify();
		normalizer.blocks.forEach(MethodNormalizer::canonicalizeConcatenations);
		boolean changed;
		do {
			normalizer.computeWebs();
			changed = normalizer.removeDeadStores();
			for (Block block : normalizer.blocks) {
				changed |= removeUnusedValues(block);
			}
			if (changed) {
				normalizer.simplify();
			}
		}
		while (changed);
		normalizer.computeWebs();
		return new Normalized(normalizer.order(), normalizer.webs, normalizer.parameterWebs);
	}

	// Linear code

	/** The code with only the labels that something refers to. */
	private List<Insn> referencedCode() {
		for (Insn insn : this.method.code) {
			if (insn.targets != null) {
				for (Insn target : insn.targets) {
					target.referenced = true;
				}
			}
		}
		for (TryCatch tryCatch : this.method.tryCatches) {
			tryCatch.start().referenced = true;
			tryCatch.end().referenced = true;
			tryCatch.handler().referenced = true;
		}
		List<Insn> code = new ArrayList<>(this.method.code.size());
		for (Insn insn : this.method.code) {
			if (!insn.isLabel() || insn.referenced) {
				code.add(insn);
			}
		}
		return code;
	}

	private List<Insn> rewriteStraightLine(List<Insn> code) {
		boolean thisIsFinal = !this.method.isStatic()
				&& code.stream().noneMatch((insn) -> isStore(insn) && insn.operand == 0);
		List<Insn> result = new ArrayList<>(code.size());
		for (int i = 0; i < code.size(); i++) {
			Insn insn = code.get(i);
			Insn next = (i + 1 < code.size()) ? code.get(i + 1) : null;
			if (next != null && isStore(next) && ((insn.opcode == Opcodes.DUP && size(next) == 1)
					|| (insn.opcode == Opcodes.DUP2 && size(next) == 2))) {
				// dup; store t == store t; load t
				result.add(next);
				result.add(Insn.variable(loadOf(next.opcode), next.operand));
				i++;
			}
			else if (thisIsFinal && i + 2 < code.size() && insn.opcode == Opcodes.ALOAD && insn.operand == 0
					&& isNullCheck(code.get(i + 1)) && code.get(i + 2).opcode == Opcodes.POP) {
				// 'this' is never null: javac checks it before an inlined constant field.
				i += 2;
			}
			else {
				result.add(insn);
			}
		}
		return result;
	}

	private static boolean isNullCheck(Insn insn) {
		return (insn.opcode == Opcodes.INVOKESTATIC && "java/util/Objects".equals(insn.owner)
				&& "requireNonNull".equals(insn.name)
				&& "(Ljava/lang/Object;)Ljava/lang/Object;".equals(insn.descriptor))
				|| (insn.opcode == Opcodes.INVOKEVIRTUAL && "getClass".equals(insn.name)
						&& "()Ljava/lang/Class;".equals(insn.descriptor));
	}

	// Blocks

	private void buildBlocks(List<Insn> code) {
		Map<Insn, Integer> positions = new IdentityHashMap<>();
		Map<Insn, Block> blockAt = new IdentityHashMap<>();
		List<Block> linear = new ArrayList<>();
		Block current = null;
		for (int i = 0; i < code.size(); i++) {
			Insn insn = code.get(i);
			if (insn.isLabel()) {
				positions.put(insn, i);
				Block block = new Block(i);
				linear.add(block);
				blockAt.put(insn, block);
				current = block;
				continue;
			}
			if (current == null || current.ends()) {
				Block block = new Block(i);
				if (current == null) {
					this.entry = block;
				}
				linear.add(block);
				current = block;
			}
			if (isTerminator(insn)) {
				current.terminator = insn;
				current.closed = true;
			}
			else {
				current.insns.add(insn);
			}
		}
		if (!linear.isEmpty()) {
			this.entry = linear.get(0);
		}
		// Fall-through successors and jump targets.
		for (int i = 0; i < linear.size(); i++) {
			Block block = linear.get(i);
			Block following = (i + 1 < linear.size()) ? linear.get(i + 1) : null;
			Insn terminator = block.terminator;
			if (terminator == null) {
				block.next = following;
				continue;
			}
			Insn[] targets = (terminator.targets != null) ? terminator.targets : new Insn[0];
			block.targets = new Block[targets.length];
			for (int t = 0; t < targets.length; t++) {
				block.targets[t] = Objects.requireNonNull(blockAt.get(targets[t]), "jump target");
			}
			if (terminator.opcode == Opcodes.GOTO) {
				block.next = block.targets[0];
				block.targets = new Block[0];
				block.terminator = null;
			}
			else if (isConditional(terminator.opcode) || terminator.opcode == Opcodes.JSR) {
				block.next = following;
			}
		}
		// Exception handlers, in table order, for the blocks inside each range.
		for (Block block : linear) {
			List<Handler> handlers = new ArrayList<>();
			for (TryCatch tryCatch : this.method.tryCatches) {
				int start = at(positions, tryCatch.start());
				int end = at(positions, tryCatch.end());
				if (start <= block.position && block.position < end) {
					Handler handler = new Handler(tryCatch.type(),
							Objects.requireNonNull(blockAt.get(tryCatch.handler()), "handler"));
					if (!handlers.contains(handler)) {
						handlers.add(handler);
					}
				}
			}
			block.handlers = handlers;
		}
		this.blocks.addAll(linear);
	}

	/** Bypass empty blocks, merge chains and drop unreachable blocks. */
	private void simplify() {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Block block : this.blocks) {
				if (block.isEmpty()) {
					block.handlers = List.of();
				}
				block.next = forward(block.next);
				for (int i = 0; i < block.targets.length; i++) {
					block.targets[i] = Objects.requireNonNull(forward(block.targets[i]));
				}
				block.handlers = block.handlers.stream()
					.map((handler) -> new Handler(handler.type(), Objects.requireNonNull(forward(handler.block()))))
					.distinct()
					.toList();
			}
			this.entry = Objects.requireNonNull(forward(this.entry));
			List<Block> reachable = reachable();
			Map<Block, Integer> predecessors = new IdentityHashMap<>();
			for (Block block : reachable) {
				for (Block successor : block.successors()) {
					predecessors.merge(successor, 1, Integer::sum);
				}
			}
			for (Block block : reachable) {
				Block next = block.next;
				// Merging keeps the predecessor counts of every other block right.
				while (!block.merged && block.terminator == null && next != null && next != block && next != this.entry
						&& predecessors.getOrDefault(next, 0) == 1 && next.handlers.equals(block.handlers)
						&& !next.merged) {
					block.insns.addAll(next.insns);
					block.terminator = next.terminator;
					block.targets = next.targets;
					block.next = next.next;
					next.merged = true;
					changed = true;
					next = block.next;
				}
			}
			this.blocks.clear();
			for (Block block : reachable) {
				if (!block.merged) {
					this.blocks.add(block);
				}
			}
		}
	}

	private static @Nullable Block forward(@Nullable Block block) {
		Block current = block;
		int hops = 0;
		while (current != null && current.isEmpty() && current.next != null && current.next != current
				&& hops++ < 10_000) {
			current = current.next;
		}
		return current;
	}

	/** Reachable blocks, in canonical depth-first order. */
	private List<Block> reachable() {
		List<Block> order = new ArrayList<>();
		Set<Block> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Block> stack = new ArrayDeque<>();
		stack.push(this.entry);
		while (!stack.isEmpty()) {
			Block block = stack.pop();
			if (!visited.add(block)) {
				continue;
			}
			order.add(block);
			List<Block> successors = block.successors();
			for (int i = successors.size() - 1; i >= 0; i--) {
				if (!visited.contains(successors.get(i))) {
					stack.push(successors.get(i));
				}
			}
		}
		return order;
	}

	/** Canonical polarity and case order, then canonical block order. */
	private List<Block> order() {
		for (Block block : this.blocks) {
			Insn terminator = block.terminator;
			if (terminator != null && isConditional(terminator.opcode)
					&& inverse(terminator.opcode) < terminator.opcode) {
				block.terminator = new Insn(inverse(terminator.opcode));
				Block taken = block.targets[0];
				block.targets = new Block[] { Objects.requireNonNull(block.next) };
				block.next = taken;
			}
			else if (terminator != null && terminator.opcode == Opcodes.LOOKUPSWITCH) {
				canonicalizeSwitch(block, terminator);
			}
		}
		List<Block> order = reachable();
		for (int i = 0; i < order.size(); i++) {
			order.get(i).number = i;
		}
		return order;
	}

	/** Cases sorted by key; cases that go to the default are left out. */
	private static void canonicalizeSwitch(Block block, Insn terminator) {
		int[] keys = Objects.requireNonNull(terminator.keys);
		Block defaultBlock = block.targets[keys.length];
		List<int[]> cases = new ArrayList<>();
		for (int i = 0; i < keys.length; i++) {
			if (block.targets[i] != defaultBlock) {
				cases.add(new int[] { keys[i], i });
			}
		}
		cases.sort((a, b) -> Integer.compare(a[0], b[0]));
		Insn canonical = new Insn(Opcodes.LOOKUPSWITCH);
		canonical.keys = new int[cases.size()];
		Block[] targets = new Block[cases.size() + 1];
		for (int i = 0; i < cases.size(); i++) {
			canonical.keys[i] = cases.get(i)[0];
			targets[i] = block.targets[cases.get(i)[1]];
		}
		targets[cases.size()] = defaultBlock;
		canonical.targets = new Insn[0];
		block.terminator = canonical;
		block.targets = targets;
	}

	// String concatenation

	/**
	 * Replace each string concatenation in the block by a {@link Insn#CONCAT}. An operand
	 * stack is simulated to find which instructions push the arguments; a constant pushed
	 * only for the concatenation is folded into the literal text, as javac does in the
	 * recipe of {@code makeConcatWithConstants}.
	 */
	private static void canonicalizeConcatenations(Block block) {
		boolean candidate = false;
		for (Insn insn : block.insns) {
			if ((insn.opcode == Opcodes.NEW && STRING_BUILDER.equals(insn.owner)) || isIndyConcat(insn)) {
				candidate = true;
				break;
			}
		}
		if (!candidate) {
			return;
		}
		StackSimulation simulation = new StackSimulation(block.insns);
		simulation.run();
		if (simulation.removed.isEmpty() && simulation.replaced.isEmpty()) {
			return;
		}
		List<Insn> rewritten = new ArrayList<>(block.insns.size());
		for (Insn insn : block.insns) {
			if (simulation.removed.containsKey(insn)) {
				continue;
			}
			rewritten.add(simulation.replaced.getOrDefault(insn, insn));
		}
		block.insns = rewritten;
	}

	static boolean isIndyConcat(Insn insn) {
		return insn.opcode == Opcodes.INVOKEDYNAMIC && insn.bootstrap != null
				&& STRING_CONCAT_FACTORY.equals(insn.bootstrap.getOwner());
	}

	/** The string conversion an argument of this type gets. */
	static char conversion(Type type) {
		return switch (type.getSort()) {
			case Type.BOOLEAN -> 'Z';
			case Type.CHAR -> 'C';
			case Type.BYTE, Type.SHORT, Type.INT -> 'I';
			case Type.LONG -> 'J';
			case Type.FLOAT -> 'F';
			case Type.DOUBLE -> 'D';
			default -> 'A';
		};
	}

	/** The text a constant turns into, or {@code null} if it is not foldable. */
	static @Nullable String literal(@Nullable Object constant, char conversion) {
		if (constant == null) {
			return null;
		}
		return switch (conversion) {
			case 'A' -> (constant instanceof String string) ? string : (constant == Insn.NULL) ? "null" : null;
			case 'Z' -> (constant instanceof Integer value) ? String.valueOf(value != 0) : null;
			case 'C' -> (constant instanceof Integer value) ? String.valueOf((char) value.intValue()) : null;
			case 'I' -> (constant instanceof Integer value) ? value.toString() : null;
			case 'J' -> (constant instanceof Long value) ? value.toString() : null;
			case 'F' -> (constant instanceof Float value) ? value.toString() : null;
			case 'D' -> (constant instanceof Double value) ? value.toString() : null;
			default -> null;
		};
	}

	// Local variables

	private void computeWebs() {
		this.webs.clear();
		this.parameterWebs.clear();
		List<Block> reachable = this.blocks;
		// Definitions: parameters, then stores and iincs.
		List<Integer> defSlots = new ArrayList<>();
		List<Integer> parameterSlots = parameterSlots();
		defSlots.addAll(parameterSlots);
		Map<Insn, Integer> defOf = new IdentityHashMap<>();
		int maxSlot = parameterSlots.isEmpty() ? 0 : parameterSlots.get(parameterSlots.size() - 1) + 2;
		for (Block block : reachable) {
			for (Insn insn : block.insns) {
				if (isStore(insn) || insn.opcode == Opcodes.IINC) {
					defOf.put(insn, defSlots.size());
					defSlots.add(insn.operand);
				}
				if (isStore(insn) || isLoad(insn) || insn.opcode == Opcodes.IINC) {
					maxSlot = Math.max(maxSlot, insn.operand + 2);
				}
			}
			if (block.terminator != null && block.terminator.opcode == Opcodes.RET) {
				maxSlot = Math.max(maxSlot, block.terminator.operand + 2);
			}
		}
		int defCount = defSlots.size();
		BitSet[] defsOfSlot = new BitSet[maxSlot];
		for (int i = 0; i < maxSlot; i++) {
			defsOfSlot[i] = new BitSet(defCount);
		}
		for (int d = 0; d < defCount; d++) {
			defsOfSlot[defSlots.get(d)].set(d);
		}
		Map<Block, Integer> index = new IdentityHashMap<>();
		for (int i = 0; i < reachable.size(); i++) {
			index.put(reachable.get(i), i);
		}
		int count = reachable.size();
		BitSet[] gen = new BitSet[count];
		BitSet[] kill = new BitSet[count];
		BitSet[] all = new BitSet[count];
		for (int b = 0; b < count; b++) {
			gen[b] = new BitSet(defCount);
			kill[b] = new BitSet(defCount);
			all[b] = new BitSet(defCount);
			for (Insn insn : reachable.get(b).insns) {
				Integer def = defOf.get(insn);
				if (def != null) {
					gen[b].andNot(defsOfSlot[insn.operand]);
					gen[b].set(def);
					kill[b].or(defsOfSlot[insn.operand]);
					all[b].set(def);
				}
			}
		}
		BitSet[] in = new BitSet[count];
		BitSet[] out = new BitSet[count];
		for (int b = 0; b < count; b++) {
			in[b] = new BitSet(defCount);
			out[b] = new BitSet(defCount);
		}
		BitSet parameters = new BitSet(defCount);
		parameters.set(0, parameterSlots.size());
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int b = 0; b < count; b++) {
				Block block = reachable.get(b);
				if (b == at(index, this.entry)) {
					in[b].or(parameters);
				}
				BitSet newOut = (BitSet) in[b].clone();
				newOut.andNot(kill[b]);
				newOut.or(gen[b]);
				if (!newOut.equals(out[b])) {
					out[b] = newOut;
					changed = true;
				}
				BitSet thrown = (BitSet) in[b].clone();
				thrown.or(all[b]);
				for (Block successor : block.normalSuccessors()) {
					changed |= orInto(in[at(index, successor)], out[b]);
				}
				for (Handler handler : block.handlers) {
					changed |= orInto(in[at(index, handler.block())], thrown);
				}
			}
		}
		// Union each use with every definition that reaches it.
		UnionFind webs = new UnionFind(defCount);
		Map<Insn, Integer> useOf = new IdentityHashMap<>();
		BitSet used = new BitSet();
		for (int b = 0; b < count; b++) {
			BitSet current = (BitSet) in[b].clone();
			Block block = reachable.get(b);
			List<Insn> insns = new ArrayList<>(block.insns);
			if (block.terminator != null && block.terminator.opcode == Opcodes.RET) {
				insns.add(block.terminator);
			}
			for (Insn insn : insns) {
				if (isLoad(insn) || insn.opcode == Opcodes.IINC || insn.opcode == Opcodes.RET) {
					BitSet slotDefs = defsOfSlot[insn.operand];
					int web = -1;
					for (int d = slotDefs.nextSetBit(0); d >= 0; d = slotDefs.nextSetBit(d + 1)) {
						if (current.get(d)) {
							if (web < 0) {
								web = d;
							}
							else {
								webs.union(web, d);
							}
						}
					}
					useOf.put(insn, (web >= 0) ? web : webs.add());
				}
				Integer def = defOf.get(insn);
				if (def != null) {
					if (insn.opcode == Opcodes.IINC) {
						webs.union(at(useOf, insn), def);
					}
					current.andNot(defsOfSlot[insn.operand]);
					current.set(def);
				}
			}
		}
		for (Integer web : useOf.values()) {
			used.set(webs.find(web));
		}
		this.usedWebs = used;
		for (Map.Entry<Insn, Integer> use : useOf.entrySet()) {
			this.webs.put(use.getKey(), webs.find(use.getValue()));
		}
		for (Map.Entry<Insn, Integer> def : defOf.entrySet()) {
			if (def.getKey().opcode != Opcodes.IINC) {
				this.webs.put(def.getKey(), webs.find(def.getValue()));
			}
		}
		for (int p = 0; p < parameterSlots.size(); p++) {
			this.parameterWebs.put(webs.find(p), parameterSlots.get(p));
		}
	}

	private static boolean orInto(BitSet target, BitSet source) {
		int before = target.cardinality();
		target.or(source);
		return target.cardinality() != before;
	}

	private List<Integer> parameterSlots() {
		List<Integer> slots = new ArrayList<>();
		int slot = 0;
		if (!this.method.isStatic()) {
			slots.add(slot++);
		}
		for (Type type : Type.getArgumentTypes(this.method.descriptor)) {
			slots.add(slot);
			slot += type.getSize();
		}
		return slots;
	}

	/** A store whose value no load reads becomes a pop. */
	private boolean removeDeadStores() {
		boolean changed = false;
		for (Block block : this.blocks) {
			for (int i = 0; i < block.insns.size(); i++) {
				Insn insn = block.insns.get(i);
				if (isStore(insn)) {
					Integer web = this.webs.get(insn);
					if (web != null && !this.usedWebs.get(web) && !this.parameterWebs.containsKey(web)) {
						block.insns.set(i, new Insn((size(insn) == 2) ? Opcodes.POP2 : Opcodes.POP));
						changed = true;
					}
				}
			}
		}
		return changed;
	}

	/**
	 * Remove a constant or a load that is popped at once, and pops just before a
	 * {@code return} (the frame's stack is discarded anyway).
	 */
	private static boolean removeUnusedValues(Block block) {
		boolean changed = false;
		List<Insn> insns = block.insns;
		for (int i = insns.size() - 1; i >= 1; i--) {
			if (i >= insns.size()) {
				continue;
			}
			Insn pop = insns.get(i);
			Insn value = insns.get(i - 1);
			if ((pop.opcode == Opcodes.POP || pop.opcode == Opcodes.POP2)
					&& (value.opcode == Insn.CONST || isLoad(value))
					&& valueSize(value) == ((pop.opcode == Opcodes.POP) ? 1 : 2)) {
				insns.remove(i);
				insns.remove(i - 1);
				changed = true;
			}
		}
		if (block.terminator != null && block.terminator.opcode == Opcodes.RETURN) {
			while (!insns.isEmpty() && (insns.get(insns.size() - 1).opcode == Opcodes.POP
					|| insns.get(insns.size() - 1).opcode == Opcodes.POP2)) {
				insns.remove(insns.size() - 1);
				changed = true;
			}
		}
		return changed;
	}

	private static int valueSize(Insn insn) {
		if (insn.opcode == Insn.CONST) {
			return (insn.constant instanceof Long || insn.constant instanceof Double) ? 2 : 1;
		}
		return size(insn);
	}

	// Opcode facts

	static boolean isLoad(Insn insn) {
		return insn.opcode >= Opcodes.ILOAD && insn.opcode <= Opcodes.ALOAD;
	}

	static boolean isStore(Insn insn) {
		return insn.opcode >= Opcodes.ISTORE && insn.opcode <= Opcodes.ASTORE;
	}

	/** Size of the value a load or store moves. */
	static int size(Insn insn) {
		int kind = isLoad(insn) ? insn.opcode - Opcodes.ILOAD : insn.opcode - Opcodes.ISTORE;
		return (kind == 1 || kind == 3) ? 2 : 1;
	}

	private static int loadOf(int storeOpcode) {
		return storeOpcode - Opcodes.ISTORE + Opcodes.ILOAD;
	}

	static boolean isConditional(int opcode) {
		return (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IF_ACMPNE) || opcode == Opcodes.IFNULL
				|| opcode == Opcodes.IFNONNULL;
	}

	static int inverse(int opcode) {
		if (opcode == Opcodes.IFNULL) {
			return Opcodes.IFNONNULL;
		}
		if (opcode == Opcodes.IFNONNULL) {
			return Opcodes.IFNULL;
		}
		return (((opcode - Opcodes.IFEQ) ^ 1) + Opcodes.IFEQ);
	}

	private static boolean isTerminator(Insn insn) {
		int opcode = insn.opcode;
		return isConditional(opcode) || opcode == Opcodes.GOTO || opcode == Opcodes.JSR || opcode == Opcodes.RET
				|| opcode == Opcodes.LOOKUPSWITCH || opcode == Opcodes.TABLESWITCH
				|| (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW;
	}

	/** A method's canonical form. */
	record Normalized(List<Block> blocks, Map<Insn, Integer> webs, Map<Integer, Integer> parameterWebs) {
	}

	record Handler(@Nullable String type, Block block) {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Handler handler && Objects.equals(this.type, handler.type)
					&& this.block == handler.block;
		}

		@Override
		public int hashCode() {
			return Objects.hashCode(this.type) * 31 + System.identityHashCode(this.block);
		}

	}

	/** A basic block. */
	static final class Block {

		final int position;

		List<Insn> insns = new ArrayList<>();

		/** Conditional jump, switch, return, throw, jsr or ret; never a goto. */
		@Nullable Insn terminator;

		/** The successor when no jump is taken (or the only one). */
		@Nullable Block next;

		/** Conditional: the taken branch; switch: the cases, then the default. */
		Block[] targets = new Block[0];

		List<Handler> handlers = List.of();

		int number = -1;

		boolean closed;

		boolean merged;

		Block(int position) {
			this.position = position;
		}

		boolean ends() {
			return this.closed;
		}

		boolean isEmpty() {
			return this.insns.isEmpty() && this.terminator == null;
		}

		/** Successors in canonical order: taken, not taken, cases, default, handlers. */
		List<Block> successors() {
			List<Block> successors = normalSuccessors();
			if (this.handlers.isEmpty()) {
				return successors;
			}
			List<Block> all = new ArrayList<>(successors);
			for (Handler handler : this.handlers) {
				all.add(handler.block());
			}
			return all;
		}

		List<Block> normalSuccessors() {
			List<Block> successors = new ArrayList<>(this.targets.length + 1);
			Insn terminator = this.terminator;
			if (terminator != null && isConditional(terminator.opcode)) {
				successors.add(this.targets[0]);
				successors.add(Objects.requireNonNull(this.next));
			}
			else if (terminator != null && terminator.opcode == Opcodes.JSR) {
				successors.add(this.targets[0]);
				successors.add(Objects.requireNonNull(this.next));
			}
			else if (terminator != null && terminator.opcode == Opcodes.LOOKUPSWITCH) {
				successors.addAll(List.of(this.targets));
			}
			else if (terminator == null && this.next != null) {
				successors.add(this.next);
			}
			return successors;
		}

	}

	/**
	 * Union-find over definition numbers, growing for uses that no definition reaches.
	 */
	private static final class UnionFind {

		private int[] parent;

		private int size;

		UnionFind(int size) {
			this.parent = new int[Math.max(size, 16)];
			for (int i = 0; i < this.parent.length; i++) {
				this.parent[i] = i;
			}
			this.size = size;
		}

		int add() {
			if (this.size == this.parent.length) {
				int[] grown = java.util.Arrays.copyOf(this.parent, this.size * 2);
				for (int i = this.size; i < grown.length; i++) {
					grown[i] = i;
				}
				this.parent = grown;
			}
			return this.size++;
		}

		int find(int node) {
			int root = node;
			while (this.parent[root] != root) {
				root = this.parent[root];
			}
			int current = node;
			while (this.parent[current] != root) {
				int next = this.parent[current];
				this.parent[current] = root;
				current = next;
			}
			return root;
		}

		void union(int a, int b) {
			int rootA = find(a);
			int rootB = find(b);
			if (rootA != rootB) {
				// The smaller number wins, so a parameter's web keeps the parameter's
				// number.
				this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
			}
		}

	}

	/**
	 * An operand stack simulated over one block, slot by slot, to find the instructions
	 * that make up each string concatenation.
	 */
	private static final class StackSimulation {

		private final List<Insn> insns;

		private final List<Value> stack = new ArrayList<>();

		final Map<Insn, Boolean> removed = new IdentityHashMap<>();

		final Map<Insn, Insn> replaced = new IdentityHashMap<>();

		private final Map<Integer, Chain> chains = new HashMap<>();

		StackSimulation(List<Insn> insns) {
			this.insns = insns;
		}

		void run() {
			for (Insn insn : this.insns) {
				step(insn);
			}
		}

		private void step(Insn insn) {
			int opcode = insn.opcode;
			switch (opcode) {
				case Opcodes.DUP -> {
					Value top = peek(0);
					if (top.chain != null && top.state == State.NEW) {
						push(new Value(null, top.chain, State.COPY, 1));
						top.state = State.DUPLICATED;
					}
					else {
						copy(1, 0);
					}
					return;
				}
				case Opcodes.DUP_X1 -> {
					copy(1, 1);
					return;
				}
				case Opcodes.DUP_X2 -> {
					copy(1, 2);
					return;
				}
				case Opcodes.DUP2 -> {
					copy(2, 0);
					return;
				}
				case Opcodes.DUP2_X1 -> {
					copy(2, 1);
					return;
				}
				case Opcodes.DUP2_X2 -> {
					copy(2, 2);
					return;
				}
				case Opcodes.SWAP -> {
					Value a = popSlot();
					Value b = popSlot();
					this.stack.add(a);
					this.stack.add(b);
					escape(a);
					escape(b);
					return;
				}
				default -> {
				}
			}
			if (opcode == Opcodes.NEW && STRING_BUILDER.equals(insn.owner)) {
				Chain chain = new Chain(insn);
				this.chains.put(this.chains.size(), chain);
				push(new Value(insn, chain, State.NEW, 1));
				return;
			}
			if (isBuilderCall(insn)) {
				builderCall(insn);
				return;
			}
			if (isIndyConcat(insn)) {
				indyConcat(insn);
				return;
			}
			int[] effect = effect(insn);
			for (int i = 0; i < effect[0]; i++) {
				escape(popSlot());
			}
			if (effect[1] > 0) {
				push(new Value(insn, null, State.PLAIN, effect[1]));
			}
		}

		private static boolean isBuilderCall(Insn insn) {
			return (insn.opcode == Opcodes.INVOKEVIRTUAL || insn.opcode == Opcodes.INVOKESPECIAL)
					&& STRING_BUILDER.equals(insn.owner);
		}

		private void builderCall(Insn insn) {
			String descriptor = Objects.requireNonNull(insn.descriptor);
			Type[] arguments = Type.getArgumentTypes(descriptor);
			List<Value> values = popArguments(arguments);
			Value receiver = popSlot();
			Chain chain = receiver.chain;
			String name = insn.name;
			if (chain != null && chain.valid && insn.opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)
					&& receiver.state == State.COPY && (arguments.length == 0
							|| (arguments.length == 1 && "Ljava/lang/String;".equals(arguments[0].getDescriptor())))) {
				Value original = peekOrNull(0);
				if (original != null && original.chain == chain && original.state == State.DUPLICATED) {
					original.state = State.BUILDING;
					chain.init = insn;
					if (arguments.length == 1) {
						Value argument = values.get(0);
						Insn producer = argument.producer;
						if (producer != null && argument.state == State.PLAIN && producer.opcode == Opcodes.INVOKESTATIC
								&& "java/lang/String".equals(producer.owner) && "valueOf".equals(producer.name)) {
							// new StringBuilder(String.valueOf(x)): x is the first
							// operand.
							chain.pieces.add(new Operand(null,
									conversion(Type.getArgumentTypes(Objects.requireNonNull(producer.descriptor))[0]),
									producer));
						}
						else {
							chain.pieces.add(new Operand(argument, 'A', null));
						}
					}
					return;
				}
			}
			if (chain != null && chain.valid && insn.opcode == Opcodes.INVOKEVIRTUAL && receiver.state == State.BUILDING
					&& "append".equals(name) && arguments.length == 1
					&& descriptor.endsWith(")Ljava/lang/StringBuilder;")) {
				String type = arguments[0].getDescriptor();
				char conversion = "[C".equals(type) ? 'c' : conversion(arguments[0]);
				chain.pieces.add(new Operand(values.get(0), conversion, null));
				chain.appends.add(insn);
				push(new Value(insn, chain, State.BUILDING, 1));
				return;
			}
			if (chain != null && chain.valid && insn.opcode == Opcodes.INVOKEVIRTUAL && receiver.state == State.BUILDING
					&& "toString".equals(name) && arguments.length == 0) {
				complete(chain, insn);
				push(new Value(insn, null, State.PLAIN, 1));
				return;
			}
			escape(receiver);
			values.forEach(this::escape);
			int returned = Type.getReturnType(descriptor).getSize();
			if (returned > 0) {
				push(new Value(insn, null, State.PLAIN, returned));
			}
		}

		private void complete(Chain chain, Insn toString) {
			List<Piece> pieces = new ArrayList<>();
			Map<Insn, Boolean> removed = new IdentityHashMap<>();
			removed.put(chain.creation, true);
			removed.put(Objects.requireNonNull(chain.init), true);
			chain.appends.forEach((append) -> removed.put(append, true));
			for (Operand operand : chain.pieces) {
				if (operand.valueOf != null) {
					removed.put(operand.valueOf, true);
					pieces.add(Piece.argument(operand.conversion));
					continue;
				}
				addPiece(pieces, Objects.requireNonNull(operand.value), operand.conversion, removed);
			}
			// The dup after new has no instruction of its own left: find it.
			int creation = indexOf(chain.creation);
			if (creation + 1 < this.insns.size() && this.insns.get(creation + 1).opcode == Opcodes.DUP) {
				removed.put(this.insns.get(creation + 1), true);
			}
			else {
				return;
			}
			this.removed.putAll(removed);
			this.replaced.put(toString, concat(pieces));
		}

		private int indexOf(Insn insn) {
			for (int i = 0; i < this.insns.size(); i++) {
				if (this.insns.get(i) == insn) {
					return i;
				}
			}
			return -1;
		}

		private void indyConcat(Insn insn) {
			Type[] arguments = Type.getArgumentTypes(Objects.requireNonNull(insn.descriptor));
			List<Value> values = popArguments(arguments);
			Object[] bootstrapArguments = Objects.requireNonNull(insn.arguments);
			List<Piece> pieces = new ArrayList<>();
			Map<Insn, Boolean> removed = new IdentityHashMap<>();
			String bootstrap = Objects.requireNonNull(insn.bootstrap).getName();
			boolean withConstants = "makeConcatWithConstants".equals(bootstrap);
			if (withConstants && bootstrapArguments.length > 0 && bootstrapArguments[0] instanceof String recipe) {
				int argument = 0;
				int constant = 1;
				StringBuilder literal = new StringBuilder();
				for (int i = 0; i < recipe.length(); i++) {
					char c = recipe.charAt(i);
					if (c == '\u0001' && argument < values.size()) {
						pieces.add(Piece.literal(literal.toString()));
						literal.setLength(0);
						addPiece(pieces, values.get(argument), conversion(arguments[argument]), removed);
						argument++;
					}
					else if (c == '\u0002' && constant < bootstrapArguments.length) {
						literal.append(bootstrapArguments[constant++]);
					}
					else {
						literal.append(c);
					}
				}
				pieces.add(Piece.literal(literal.toString()));
			}
			else if ("makeConcat".equals(bootstrap)) {
				for (int i = 0; i < values.size(); i++) {
					addPiece(pieces, values.get(i), conversion(arguments[i]), removed);
				}
			}
			else {
				values.forEach(this::escape);
				push(new Value(insn, null, State.PLAIN, 1));
				return;
			}
			this.removed.putAll(removed);
			this.replaced.put(insn, concat(pieces));
			push(new Value(insn, null, State.PLAIN, 1));
		}

		/**
		 * Fold a constant pushed only for this concatenation, else take it as argument.
		 */
		private void addPiece(List<Piece> pieces, Value value, char conversion, Map<Insn, Boolean> removed) {
			Insn producer = value.producer;
			if (producer != null && value.state == State.PLAIN && producer.opcode == Insn.CONST) {
				String literal = literal(producer.constant, conversion);
				if (literal != null) {
					removed.put(producer, true);
					pieces.add(Piece.literal(literal));
					return;
				}
			}
			pieces.add(Piece.argument(conversion));
		}

		private static Insn concat(List<Piece> pieces) {
			List<Piece> merged = new ArrayList<>();
			StringBuilder literal = new StringBuilder();
			boolean pending = false;
			for (Piece piece : pieces) {
				if (piece.isLiteral()) {
					literal.append(piece.literal());
					pending = true;
				}
				else {
					if (pending && !literal.isEmpty()) {
						merged.add(Piece.literal(literal.toString()));
					}
					literal.setLength(0);
					pending = false;
					merged.add(piece);
				}
			}
			if (!literal.isEmpty()) {
				merged.add(Piece.literal(literal.toString()));
			}
			Insn concat = new Insn(Insn.CONCAT);
			concat.pieces = merged.toArray(new Piece[0]);
			return concat;
		}

		private List<Value> popArguments(Type[] arguments) {
			Value[] values = new Value[arguments.length];
			for (int i = arguments.length - 1; i >= 0; i--) {
				values[i] = popValue(arguments[i].getSize());
			}
			return List.of(values);
		}

		private Value popValue(int size) {
			Value value = popSlot();
			if (size == 2 && value.size == 1) {
				popSlot();
				return Value.unknown(2);
			}
			return value;
		}

		/** Pop one slot; a two-slot value is popped whole. */
		private Value popSlot() {
			if (this.stack.isEmpty()) {
				return Value.unknown(1);
			}
			return this.stack.remove(this.stack.size() - 1);
		}

		private Value peek(int depth) {
			Value value = peekOrNull(depth);
			return (value != null) ? value : Value.unknown(1);
		}

		private @Nullable Value peekOrNull(int depth) {
			int index = this.stack.size() - 1 - depth;
			return (index >= 0) ? this.stack.get(index) : null;
		}

		private void push(Value value) {
			this.stack.add(value);
		}

		/**
		 * The dup family on whole values: copy the top {@code slots} slots under the next
		 * {@code under} slots. Copied values are no longer foldable.
		 */
		private void copy(int slots, int under) {
			List<Value> top = takeSlots(slots);
			List<Value> below = takeSlots(under);
			for (Value value : top) {
				escape(value);
			}
			for (Value value : below) {
				escape(value);
			}
			List<Value> copies = top.stream().map((value) -> new Value(null, null, State.PLAIN, value.size)).toList();
			this.stack.addAll(copies);
			this.stack.addAll(below);
			this.stack.addAll(top);
		}

		private List<Value> takeSlots(int slots) {
			List<Value> taken = new ArrayList<>();
			int remaining = slots;
			while (remaining > 0) {
				Value value = popSlot();
				taken.add(0, value);
				remaining -= value.size;
			}
			return taken;
		}

		/** The value is used by something other than a concatenation. */
		private void escape(Value value) {
			if (value.chain != null) {
				value.chain.valid = false;
			}
			if (value.state == State.PLAIN) {
				value.state = State.ESCAPED;
			}
		}

		/**
		 * Slots popped and pushed by an instruction that is not a dup, swap or
		 * concatenation.
		 */
		private static int[] effect(Insn insn) {
			int opcode = insn.opcode;
			if (opcode == Insn.CONST) {
				return new int[] { 0, valueSize(insn) };
			}
			if (opcode == Insn.CONCAT) {
				int popped = 0;
				for (Piece piece : Objects.requireNonNull(insn.pieces)) {
					if (!piece.isLiteral()) {
						popped += (piece.argument() == 'J' || piece.argument() == 'D') ? 2 : 1;
					}
				}
				return new int[] { popped, 1 };
			}
			if (isLoad(insn)) {
				return new int[] { 0, size(insn) };
			}
			if (isStore(insn)) {
				return new int[] { size(insn), 0 };
			}
			if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
				return new int[] { 2, (opcode == Opcodes.LALOAD || opcode == Opcodes.DALOAD) ? 2 : 1 };
			}
			if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
				return new int[] { (opcode == Opcodes.LASTORE || opcode == Opcodes.DASTORE) ? 4 : 3, 0 };
			}
			if (opcode == Opcodes.POP) {
				return new int[] { 1, 0 };
			}
			if (opcode == Opcodes.POP2) {
				return new int[] { 2, 0 };
			}
			if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM) {
				boolean wide = ((opcode - Opcodes.IADD) & 1) == 1;
				return wide ? new int[] { 4, 2 } : new int[] { 2, 1 };
			}
			if (opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG) {
				boolean wide = ((opcode - Opcodes.INEG) & 1) == 1;
				return wide ? new int[] { 2, 2 } : new int[] { 1, 1 };
			}
			if (opcode >= Opcodes.ISHL && opcode <= Opcodes.LUSHR) {
				boolean wide = ((opcode - Opcodes.ISHL) & 1) == 1;
				return wide ? new int[] { 3, 2 } : new int[] { 2, 1 };
			}
			if (opcode >= Opcodes.IAND && opcode <= Opcodes.LXOR) {
				boolean wide = ((opcode - Opcodes.IAND) & 1) == 1;
				return wide ? new int[] { 4, 2 } : new int[] { 2, 1 };
			}
			return switch (opcode) {
				case Opcodes.IINC, Opcodes.GOTO, Opcodes.RET, Opcodes.RETURN -> new int[] { 0, 0 };
				case Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D -> new int[] { 1, 2 };
				case Opcodes.I2F, Opcodes.F2I, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S, Opcodes.INSTANCEOF,
						Opcodes.CHECKCAST, Opcodes.ARRAYLENGTH, Opcodes.NEWARRAY, Opcodes.ANEWARRAY ->
					new int[] { 1, 1 };
				case Opcodes.L2I, Opcodes.L2F, Opcodes.D2I, Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG ->
					new int[] { 2, 1 };
				case Opcodes.L2D, Opcodes.D2L -> new int[] { 2, 2 };
				case Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG -> new int[] { 4, 1 };
				case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IFNULL,
						Opcodes.IFNONNULL, Opcodes.LOOKUPSWITCH, Opcodes.TABLESWITCH, Opcodes.IRETURN, Opcodes.FRETURN,
						Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.MONITORENTER, Opcodes.MONITOREXIT ->
					new int[] { 1, 0 };
				case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
						Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.LRETURN, Opcodes.DRETURN ->
					new int[] { 2, 0 };
				case Opcodes.JSR, Opcodes.NEW -> new int[] { 0, 1 };
				case Opcodes.GETSTATIC -> new int[] { 0, fieldSize(insn) };
				case Opcodes.PUTSTATIC -> new int[] { fieldSize(insn), 0 };
				case Opcodes.GETFIELD -> new int[] { 1, fieldSize(insn) };
				case Opcodes.PUTFIELD -> new int[] { 1 + fieldSize(insn), 0 };
				case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESTATIC,
						Opcodes.INVOKEDYNAMIC -> {
					// The argument size counts an implicit 'this'.
					int sizes = Type.getArgumentsAndReturnSizes(Objects.requireNonNull(insn.descriptor));
					int popped = sizes >> 2;
					if (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEDYNAMIC) {
						popped--;
					}
					yield new int[] { popped, sizes & 0x3 };
				}
				case Opcodes.MULTIANEWARRAY -> new int[] { insn.operand, 1 };
				default -> new int[] { 0, 0 };
			};
		}

		private static int fieldSize(Insn insn) {
			return Type.getType(Objects.requireNonNull(insn.descriptor)).getSize();
		}

		private record Operand(@Nullable Value value, char conversion, @Nullable Insn valueOf) {
		}

		private enum State {

			/** An ordinary value, pushed by its producer and not copied. */
			PLAIN,
			/** An ordinary value that was copied or used otherwise: not foldable. */
			ESCAPED,
			/** A new StringBuilder. */
			NEW,
			/** A new StringBuilder that was duplicated for its constructor. */
			DUPLICATED,
			/** The copy of a new StringBuilder that its constructor consumes. */
			COPY,
			/** An initialized StringBuilder being appended to. */
			BUILDING

		}

		private static final class Value {

			final @Nullable Insn producer;

			final @Nullable Chain chain;

			State state;

			final int size;

			Value(@Nullable Insn producer, @Nullable Chain chain, State state, int size) {
				this.producer = producer;
				this.chain = chain;
				this.state = state;
				this.size = size;
			}

			static Value unknown(int size) {
				return new Value(null, null, State.ESCAPED, size);
			}

		}

		private static final class Chain {

			final Insn creation;

			@Nullable Insn init;

			final List<Insn> appends = new ArrayList<>();

			final List<Operand> pieces = new ArrayList<>();

			boolean valid = true;

			Chain(Insn creation) {
				this.creation = creation;
			}

		}

	}

	/** The number a map built above gives every key it is asked for. */
	private static <K> int at(Map<K, Integer> numbers, K key) {
		return Objects.requireNonNull(numbers.get(key), "numbered");
	}

}
