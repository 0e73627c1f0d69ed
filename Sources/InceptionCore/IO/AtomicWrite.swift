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
        if let descriptor = openStream(path) { return try writeAll(data, to: descriptor, path: path) }
        let end = try endOfLinks(path)
        var target = stat()
        guard stat(end, &target) == 0 else { return try replace(path, at: end, with: data, mode: nil) }
        switch target.st_mode & S_IFMT {
        case S_IFREG: try replace(path, at: end, with: data, mode: target.st_mode & 0o7777)
        case S_IFDIR: throw UserError("cannot write \(path): it is a directory")
        default: try writeThrough(data, to: path)
        }
    }

    /// The descriptor `path` names when it is one of the process's own streams.
    private static func openStream(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let n = Int32(path.dropFirst(prefix.count)), n >= 0, fcntl(n, F_GETFD) != -1 { return n }
            }
            return nil
        }
    }

    /// Follows `path` through its symbolic links to the name at the end, which may not
    /// exist yet; a loop or a chain longer than the kernel's limit is an error.
    private static func endOfLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        throw UserError("cannot write \(path): too many levels of symbolic links")
    }

    /// Writes `data` to a fresh temporary file beside `real` and renames it over `real`,
    /// with `mode` (a replaced file's permissions) when given; errors name `path`, the
    /// name the user gave.
    private static func replace(_ path: String, at real: String, with data: Data, mode: mode_t?) throws {
        let url = URL(fileURLWithPath: real)
        let directory = try checkDirectory(of: real)
        var template = Array(directory.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp creates the file 0600; a new file gets the usual 0666 less the umask.
        let umask = Foundation.umask(0)
        Foundation.umask(umask)
        fchmod(descriptor, mode ?? (0o666 & ~umask))
        var failure: UserError?
        do { try writeAll(data, to: descriptor, path: path) } catch let error as UserError { failure = error }
        if failure == nil, fsync(descriptor) != 0 { failure = UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        // Closed once, whatever happened: a second close could close another thread's file.
        if close(descriptor) != 0, failure == nil { failure = UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, url.path) == 0 else {
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
    public static func checkDirectory(of path: String) throws -> URL {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UserError("cannot write \(path): it is a directory")
        }
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserError("cannot write \(path): directory \(directory.path) does not exist")
        }
        return directory
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
