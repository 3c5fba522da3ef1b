package dev.migrate.index;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

import dev.migrate.Migration;

/**
 * Writes {@value MigrationIndex#LOCATION}: one line per {@link Migration @Migration}
 * class compiled, with its class name and the attributes of its annotation, so that an
 * application can describe its migrations at start-up without scanning for them or
 * loading their classes. Discovered by the compiler from the class path
 * ({@code META-INF/services}); a build that lists its annotation processors
 * ({@code annotationProcessorPaths} of the Maven compiler plugin, Gradle's
 * {@code annotationProcessor} configuration) lists {@code migrate-core} among them.
 * <p>
 * It sees source code only: fingerprints, which are of the compiled code, are not in the
 * index; they are read from the class files at start-up.
 *
 * @since 0.1.0
 */
public final class MigrationIndexProcessor extends AbstractProcessor {

	private final Map<String, MigrationIndex.Entry> entries = new TreeMap<>();

	@Override
	public Set<String> getSupportedAnnotationTypes() {
		return Set.of(Migration.class.getName());
	}

	@Override
	public SourceVersion getSupportedSourceVersion() {
		return SourceVersion.latestSupported();
	}

	@Override
	public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
		for (Element element : round.getElementsAnnotatedWith(Migration.class)) {
			if (element.getKind() == ElementKind.CLASS && !element.getModifiers().contains(Modifier.ABSTRACT)) {
				TypeElement type = (TypeElement) element;
				Migration migration = type.getAnnotation(Migration.class);
				String className = this.processingEnv.getElementUtils().getBinaryName(type).toString();
				this.entries.put(className,
						new MigrationIndex.Entry(className, migration.version(), migration.description(),
								migration.transaction(), migration.checksum(), migration.beanName(), reversible(type),
								migration.database(), annotations(type)));
			}
		}
		if (round.processingOver() && !this.entries.isEmpty()) {
			write();
		}
		return false;
	}

	/**
	 * Whether the class has a {@code down} method where the engine looks for one:
	 * declared by the class or a superclass, or a default method of an interface they
	 * implement. Told here, so that a start with nothing pending need not load an applied
	 * migration to report it; unknown only where a supertype could not be resolved.
	 */
	private static MigrationIndex.Reversible reversible(TypeElement type) {
		return hasDown(type, false);
	}

	// A class's, its superclasses' and its interfaces' (only defaults count there).
	private static MigrationIndex.Reversible hasDown(TypeElement type, boolean defaultOnly) {
		if (declaresDown(type, defaultOnly)) {
			return MigrationIndex.Reversible.YES;
		}
		TypeMirror superClass = type.getSuperclass();
		MigrationIndex.Reversible found = (superClass.getKind() != TypeKind.NONE) ? inherits(superClass, false)
				: MigrationIndex.Reversible.NO;
		for (TypeMirror implemented : type.getInterfaces()) {
			found = found.or(() -> inherits(implemented, true));
		}
		return found;
	}

	private static MigrationIndex.Reversible inherits(TypeMirror type, boolean defaultOnly) {
		return (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element)
				? hasDown(element, defaultOnly) : MigrationIndex.Reversible.UNKNOWN;
	}

	private static boolean declaresDown(TypeElement type, boolean defaultOnly) {
		for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
			if (method.getSimpleName().contentEquals("down") && !method.getModifiers().contains(Modifier.STATIC)
					&& (!defaultOnly || method.getModifiers().contains(Modifier.DEFAULT))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The annotations of the class as Spring reads them from its class file: declared
	 * ones of run-time retention, then what each of those carries at any depth, but for
	 * the packages Spring leaves out and for the declared one itself (Spring follows no
	 * cycle back to it).
	 */
	private MigrationIndex.Annotations annotations(TypeElement type) {
		List<String> declared = new ArrayList<>();
		Set<String> meta = new LinkedHashSet<>();
		for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
			TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
			if (isVisible(annotation)) {
				String name = binaryName(annotation);
				declared.add(name);
				Set<String> reached = new HashSet<>(Set.of(name));
				addMetaAnnotations(annotation, reached);
				reached.remove(name);
				meta.addAll(reached);
			}
		}
		return new MigrationIndex.Annotations(declared, meta);
	}

	private void addMetaAnnotations(TypeElement annotation, Set<String> reached) {
		for (AnnotationMirror mirror : annotation.getAnnotationMirrors()) {
			TypeElement metaAnnotation = (TypeElement) mirror.getAnnotationType().asElement();
			if (isVisible(metaAnnotation) && reached.add(binaryName(metaAnnotation))) {
				addMetaAnnotations(metaAnnotation, reached);
			}
		}
	}

	private boolean isVisible(TypeElement annotation) {
		String name = annotation.getQualifiedName().toString();
		if (name.startsWith("java.lang.") || name.startsWith("org.springframework.lang.")) {
			return false;
		}
		Retention retention = annotation.getAnnotation(Retention.class);
		return retention != null && retention.value() == RetentionPolicy.RUNTIME;
	}

	private String binaryName(TypeElement type) {
		return this.processingEnv.getElementUtils().getBinaryName(type).toString();
	}

	private void write() {
		try {
			FileObject file = this.processingEnv.getFiler()
				.createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.LOCATION);
			try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
				writer.write(MigrationIndex.format(this.entries.values()));
			}
		}
		catch (IOException ex) {
			this.processingEnv.getMessager()
				.printMessage(Diagnostic.Kind.WARNING, "migrate could not write its index of migrations "
						+ MigrationIndex.LOCATION + " (" + ex.getMessage() + "); start-up will find them without it");
		}
		this.entries.clear();
	}

}
