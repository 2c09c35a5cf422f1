// A custom executor, as PocketCoffea's --executor-custom-setup module: pocket calls
// getExecutorFactory(name, options) for the executor string; null means "not mine".
ExecutorFactory getExecutorFactory(String name, RunOptions options) {
    if (!name.equals("verbose")) return null;
    return new ExecutorFactory() {
        public void setup() { System.out.println("verbose executor: set up"); }

        public ChunkExecutor get() {
            return (chunks, ctx) -> {
                System.out.println("verbose executor: " + chunks.size() + " chunks");
                for (var c : chunks) System.out.println("  " + c.dataset() + " " + c.file().replaceAll(".*/", "") + " [" + c.start() + ", " + c.stop() + ")");
                return new IterativeExecutor().execute(chunks, ctx);
            };
        }

        public void close() { System.out.println("verbose executor: closed"); }
    };
}
