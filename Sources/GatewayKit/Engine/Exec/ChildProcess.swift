import Glibc

/// A spawned child that leads its own process group, with the parent's (non-blocking) ends of its pipes.
struct ChildProcess: Sendable {
    /// The child's pid, which is also its process group id.
    let pid: pid_t
    /// The write end of the child's stdin, or nil when the child reads `/dev/null`.
    let stdin: Int32?
    /// The read end of the child's stdout.
    let stdout: Int32
    /// The read end of the child's stderr.
    let stderr: Int32

    /// Spawns `spec` with `posix_spawnp` in a new process group, with only `spec.environment` as its environment.
    /// - Throws: `ProcessRunnerError` when the command is empty, the working directory is missing, a pipe
    ///   cannot be made or the spawn fails (unknown command, permission denied, …).
    static func spawn(_ spec: ProcessSpec) throws(ProcessRunnerError) -> ChildProcess {
        guard let command = spec.argv.first, !command.isEmpty else { throw .emptyCommand }
        if let cwd = spec.cwd { try checkDirectory(cwd) }
        let output = try FilePipe.make()
        let errors: FilePipe
        do { errors = try FilePipe.make() } catch { output.close(); throw error }
        let input: FilePipe?
        do {
            input = spec.stdin == nil ? nil : try FilePipe.make()
        } catch {
            output.close()
            errors.close()
            throw error
        }
        var pid: pid_t = 0
        let result = SpawnRequest(spec: spec, stdin: input?.read, stdout: output.write, stderr: errors.write)
            .spawn(command: command, pid: &pid)
        [output.write, errors.write, input?.read].forEach { if let fd = $0 { _ = close(fd) } }
        guard result == 0 else {
            [output.read, errors.read, input?.write].forEach { if let fd = $0 { _ = close(fd) } }
            throw .spawnFailed(command, String(cString: strerror(result)))
        }
        [output.read, errors.read, input?.write].forEach { if let fd = $0 { FilePipe.setNonBlocking(fd) } }
        return ChildProcess(pid: pid, stdin: input?.write, stdout: output.read, stderr: errors.read)
    }

    /// Reaps the child: nil while it still runs (non-blocking), else its status.
    func reap(blocking: Bool) -> ExitStatus? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { return ExitStatus(waitStatus: status) }
            if result == 0 { return nil }
            if errno != EINTR { return .unknown }
        }
    }

    private static func checkDirectory(_ path: String) throws(ProcessRunnerError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .invalidWorkingDirectory(path, errno == ENOENT ? "does not exist" : String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .invalidWorkingDirectory(path, "is not a directory") }
    }
}
