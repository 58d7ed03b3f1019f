import Glibc

/// The `posix_spawn` attributes and file actions for one child: its own process group, default signal handling,
/// pipes on 0/1/2, no other inherited descriptors, the working directory and exactly the given environment.
struct SpawnRequest {
    /// What to run.
    let spec: ProcessSpec
    /// The child's end of its stdin pipe, or nil for `/dev/null`.
    let stdin: Int32?
    /// The child's end of its stdout pipe.
    let stdout: Int32
    /// The child's end of its stderr pipe.
    let stderr: Int32

    /// Calls `posix_spawnp`; returns its result (0 or an errno value) and sets `pid` on success.
    func spawn(command: String, pid: inout pid_t) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let failure = addFileActions(&actions) { return failure }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        setAttributes(&attributes)
        let environment = spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return Self.withCStrings(spec.argv) { argv in
            Self.withCStrings(environment) { envp in
                posix_spawnp(&pid, command, &actions, &attributes, argv, envp)
            }
        }
    }

    private func addFileActions(_ actions: inout posix_spawn_file_actions_t) -> Int32? {
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let addCloseFrom = GlibcExtensions.addCloseFrom {
            _ = addCloseFrom(&actions, 3)
        } else {
            for case let fd? in [stdin, stdout, stderr] where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        guard let cwd = spec.cwd else { return nil }
        guard let addChdir = GlibcExtensions.addChdir else { return ENOSYS }
        let result = addChdir(&actions, cwd)
        return result == 0 ? nil : result
    }

    private func setAttributes(_ attributes: inout posix_spawnattr_t) {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))
    }

    /// Passes `strings` as a NULL-terminated C array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R)
        -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
