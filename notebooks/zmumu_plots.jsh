// Scripted JShell: run the Z→μμ analysis and save its plots and tables, no notebook needed.
//   jshell --class-path target/pocket.jar notebooks/zmumu_plots.jsh
// Settings (-R-D... reaches the JVM that runs the snippets):
//   -R-Dpocket.config=notebooks/zmumu/analysis.jsh  -R-Dpocket.executor=futures  -R-Dpocket.out=pocket-output/zmumu-script
import pocket.notebook.*;
import java.nio.file.*;

int status = 1;
try {
    String config = System.getProperty("pocket.config", "notebooks/zmumu/analysis.jsh");
    String executor = System.getProperty("pocket.executor", "futures");
    String out = System.getProperty("pocket.out", "pocket-output/zmumu-script");

    Result result = Pocket.config(config).executor(executor).scaleout(2).outputDir(out).lumi(59.7).run();
    System.out.println(result);
    Path plots = result.save();
    System.out.println("plots and tables saved in " + plots);
    try (var files = Files.list(plots)) { files.sorted().forEach(f -> System.out.println("  " + f.getFileName())); }
    System.out.println(result.cutflow().print());
    status = result.complete() ? 0 : 1;
} catch (Exception e) {
    System.err.println("zmumu_plots.jsh: " + e);
    e.printStackTrace();
}
/exit status
