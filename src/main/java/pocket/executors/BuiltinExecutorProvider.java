package pocket.executors;

import java.util.List;
import pocket.run.ExecutorFactory;
import pocket.run.ExecutorProvider;
import pocket.run.RunOptions;

/** The executors that run in this JVM: {@code iterative} and {@code futures} (also as {@code name@anything}). */
public final class BuiltinExecutorProvider implements ExecutorProvider {
    @Override public boolean accepts(String executor) {
        String name = executor.contains("@") ? executor.substring(0, executor.indexOf('@')) : executor;
        return name.equals("iterative") || name.equals("futures");
    }

    @Override public ExecutorFactory create(String executor, RunOptions options) {
        return executor.startsWith("iterative") ? new IterativeExecutorFactory() : new FuturesExecutorFactory(options);
    }

    @Override public List<String> names() { return List.of("iterative", "futures"); }
}
