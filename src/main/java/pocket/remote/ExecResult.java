package pocket.remote;

/** What a remote command left: its exit status, standard output and standard error. */
record ExecResult(int exitStatus, String stdout, String stderr) {
    public boolean ok() { return exitStatus == 0; }
}
