// Parses (does not compile) every .java file under a directory with the JDK's own compiler and
// reports syntax errors: compiling needs the jsii runtime and cdktf jars from Maven Central,
// which cannot be reached here. usage: java test/java-parse-check.java <dir>
import com.sun.source.util.JavacTask;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class JavaParseCheck {
  public static void main(String[] args) throws Exception {
    List<File> files;
    try (Stream<Path> walk = Files.walk(Paths.get(args[0]))) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, List.of("-proc:none"), null,
          fileManager.getJavaFileObjectsFromFiles(files));
      task.parse();
    }
    long errors = 0;
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        System.err.println(diagnostic);
        errors++;
      }
    }
    System.out.println(files.size() + " files parsed, " + errors + " syntax errors");
    System.exit(errors == 0 && !files.isEmpty() ? 0 : 1);
  }
}
