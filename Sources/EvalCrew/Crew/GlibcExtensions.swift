import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The GNU extensions the crew launcher needs and Swift's `Glibc` module does not import.
///
/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29), `…_addclosefrom_np` (2.34) and `pipe2`
/// are declared only under `_GNU_SOURCE`, so they are looked up in the C library at run time
/// instead of through a shim target. Each lookup is a cheap symbol-table probe done per launch,
/// which keeps the function pointers out of global state.
enum GlibcExtensions {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// Makes the child change to `directory` before it executes; nil when the C library lacks it.
    static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32? {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)(&actions, directory)
    }

    /// Makes the child close every descriptor from `lowest` up, so no other pipe of evalcrew's leaks into a crew.
    /// Does nothing on a C library without it (descriptors evalcrew opens are close-on-exec anyway).
    static func addClosefrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddClosefrom.self)(&actions, lowest)
    }

    /// A close-on-exec pipe created atomically, so a crew launched concurrently cannot inherit its ends.
    /// Falls back to `pipe` + `FD_CLOEXEC`. Returns (read, write) or nil with `errno` set.
    static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        if let symbol = dlsym(nil, "pipe2") {
            guard unsafeBitCast(symbol, to: Pipe2.self)(&fds, O_CLOEXEC) == 0 else { return nil }
        } else {
            guard pipe(&fds) == 0 else { return nil }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// The message for an `errno` value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
