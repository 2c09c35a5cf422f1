package pocket.cli;

import java.util.ListResourceBundle;
import java.util.Map;
import pocket.run.RunOptionsResolver;

/**
 * The run-option defaults for {@code pocket run --help}, as the resource bundle picocli reads
 * {@code ${bundle:default.KEY}} from: the values of the shipped defaults file for a local
 * (iterative) run, so the help shows what a run uses without repeating the numbers.
 */
public final class RunDefaults extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        Map<String, Object> o = RunOptionsResolver.defaults().resolve("iterative").asMap();
        return o.entrySet().stream()
                .map(e -> new Object[] {"default." + e.getKey(), e.getValue() == null ? "none" : String.valueOf(e.getValue())})
                .toArray(Object[][]::new);
    }
}
