import Glibc

/// The glibc functions Swift's Glibc module hides behind `_GNU_SOURCE`, looked up once with `dlsym`.
enum GlibcExtensions {
    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+).
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?)
        -> Int32
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+).
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    /// `pipe2`.
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    /// The child-side `chdir` action, or nil on an older glibc.
    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    /// The child-side "close every descriptor from n up" action, or nil on an older glibc.
    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    /// `pipe2`, or nil when missing.
    static let pipe2: Pipe2? = symbol("pipe2")

    private static func symbol<T>(_ name: String) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}
