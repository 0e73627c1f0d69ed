import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a fresh
/// temporary file beside the target (`mkstemp`, flushed with `fsync`), which is then
/// renamed over it, keeping a replaced file's permissions. A failure at any point
/// removes the temporary file and leaves the target as it was.
///
/// A symbolic link is written through, link by link: the file at the end of the chain
/// is replaced (or created), the links stay. The standard streams (`/dev/stdout`,
/// `/dev/fd/N`) are written to the open descriptor, so `>> log` appends; a device or
/// a named pipe is written into, since renaming over it would replace it with a plain file.
public enum AtomicWrite {
    /// Writes `data` to `path`, or throws a `UserError` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        guard !path.isEmpty else { throw UserError("cannot write: no file name given") }
        guard !path.hasSuffix("/") else { throw UserError("cannot write \(path): a file name cannot end with /") }
        // Link by link, so a stream met anywhere on the way (a link to /dev/stdout) is written to.
        var current = path
        for _ in 0..<40 {
            if let descriptor = openStream(current) { return try writeAll(data, to: descriptor, path: path) }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return try writeFile(data, path: path, at: current)
            }
            // String joining, not URL: a `..` after a linked folder must stay for the kernel to resolve.
            current = destination.hasPrefix("/") ? destination : (folder(of: current) as NSString).appendingPathComponent(destination)
        }
        throw UserError("cannot write \(path): too many levels of symbolic links")
    }

    /// Writes to `end`, the name at the end of `path`'s links: a regular file is replaced,
    /// a missing one created, a device or pipe written into.
    private static func writeFile(_ data: Data, path: String, at end: String) throws {
        var target = stat()
        guard stat(end, &target) == 0 else {
            guard errno == ENOENT else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
            return try replace(path, at: end, with: data, mode: nil)
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG:
            // A rename would go through a read-only file where a shell's `>` stops.
            guard target.st_mode & 0o222 != 0 else { throw UserError("cannot write \(path): the file is read-only") }
            try replace(path, at: end, with: data, mode: target.st_mode & 0o7777)
        case S_IFDIR: throw UserError("cannot write \(path): it is a directory")
        default: try writeThrough(data, to: end)
        }
    }

    /// The descriptor `path` names when it is one of the process's own streams (`//dev/stdout` too).
    private static func openStream(_ path: String) -> Int32? {
        let normal = (path.hasPrefix("/") ? "/" : "") + path.split(separator: "/").joined(separator: "/")
        switch normal {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where normal.hasPrefix(prefix) {
                if let n = Int32(normal.dropFirst(prefix.count)), n >= 0, fcntl(n, F_GETFD) != -1 { return n }
            }
            return nil
        }
    }

    /// The umask, read once: reading it means setting it, and a file another thread
    /// created in that instant would get the wrong mode, so it happens once, not per write.
    private static let processUmask: mode_t = {
        let mask = umask(0)
        umask(mask)
        return mask
    }()

    /// The folder a path's last component sits in ("." for a bare name).
    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Writes `data` to a fresh temporary file beside `real` and renames it over `real`,
    /// with `mode` (a replaced file's permissions) when given; errors name `path`, the
    /// name the user gave.
    private static func replace(_ path: String, at real: String, with data: Data, mode: mode_t?) throws {
        let directory = try checkDirectory(of: real)
        let name = (real as NSString).lastPathComponent
        var template = Array((directory as NSString).appendingPathComponent(".\(name).XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp creates the file 0600; a new file gets the usual 0666 less the umask.
        fchmod(descriptor, mode ?? (0o666 & ~processUmask))
        var failure: UserError?
        do { try writeAll(data, to: descriptor, path: path) } catch let error as UserError { failure = error }
        if failure == nil, fsync(descriptor) != 0 { failure = UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        // Closed once, whatever happened: a second close could close another thread's file.
        if close(descriptor) != 0, failure == nil { failure = UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, real) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UserError("cannot write \(path): \(reason)")
        }
    }

    /// Opens the device or pipe at `path` and writes every byte to it.
    private static func writeThrough(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes every byte of `data` to `descriptor`; errors name `path` and errno's reason.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var written = 0
            while written < bytes.count {
                let n = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw UserError("cannot write \(path): \(n == 0 ? "nothing was written" : String(cString: strerror(errno)))") }
                written += n
            }
        }
    }

    /// Throws unless the directory `path` would be written into exists: a long
    /// computation checks this first rather than fail after its work is done.
    @discardableResult
    public static func checkDirectory(of path: String) throws -> String {
        let directory = folder(of: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UserError("cannot write \(path): it is a directory")
        }
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserError("cannot write \(path): directory \(directory) does not exist")
        }
        return directory
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
