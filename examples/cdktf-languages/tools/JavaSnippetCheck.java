// Compiles (analyzes, writes nothing) one Java program against the generated bindings and the
// cdktn and constructs classes jsii-pacmak generates from their npm assemblies, given as a source
// path. The jsii runtime jar comes from Maven Central, which cannot be reached here, so the
// generated classes themselves do not compile; their errors are counted apart. What is checked is
// that every class, builder method, getter and argument type the program uses exists and fits.
// usage: java tools/JavaSnippetCheck.java <Program.java> <source path>
import com.sun.source.util.JavacTask;
import java.io.File;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class JavaSnippetCheck {
  public static void main(String[] args) throws Exception {
    File program = new File(args[0]).getCanonicalFile();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      // -implicit:none: classes found on the source path are analyzed as far as the program needs.
      List<String> options = List.of("-proc:none", "-implicit:none", "-Xmaxerrs", "1000000", "-sourcepath", args[1]);
      JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(program));
      task.analyze();
    }
    int inProgram = 0;
    int inDependencies = 0;
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) continue;
      boolean ours = diagnostic.getSource() != null && new File(diagnostic.getSource().toUri()).getCanonicalFile().equals(program);
      if (ours) {
        System.out.println(diagnostic);
        inProgram++;
      } else {
        inDependencies++;
      }
    }
    System.out.println(inProgram + " errors in " + program.getName() + " (" + inDependencies + " in generated classes that need the jsii runtime)");
    System.exit(inProgram == 0 ? 0 : 1);
  }
}
