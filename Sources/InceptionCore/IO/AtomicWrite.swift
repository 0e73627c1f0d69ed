import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a
/// temporary file beside the target, which is then renamed over it. A failure
/// at any point removes the temporary file and leaves the target as it was.
///
/// A symbolic link is written through: the file it names is replaced (or created),
/// the link stays.
/// A device or a named pipe (`/dev/stdout`, a FIFO) is written to directly, since
/// renaming over it would replace the device with a plain file.
public enum AtomicWrite {
    /// Writes `data` to `path`, or throws a `UserError` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        var target = stat()
        if stat(path, &target) == 0 {
            let kind = target.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFDIR { return try writeThrough(data, to: path) }
            if kind == S_IFREG, let real = realpath(path, nil) {
                defer { free(real) }
                return try replace(path, at: String(cString: real), with: data)
            }
        } else if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            // A link to a file not yet there: create the file it names, as a shell's `>` does.
            let resolved = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path
            return try replace(path, at: resolved, with: data)
        }
        try replace(path, at: path, with: data)
    }

    /// Writes `data` to a temporary file beside `real` and renames it over `real`;
    /// errors name `path`, the name the user gave.
    private static func replace(_ path: String, at real: String, with data: Data) throws {
        let url = URL(fileURLWithPath: real)
        let directory = try checkDirectory(of: real)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // POSIX rather than FileManager.createFile, which writes through a temporary
        // file of its own and reports no reason.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
        do {
            try writeAll(data, to: descriptor, path: path)
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
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
                guard n > 0 else { throw UserError("cannot write \(path): \(String(cString: strerror(errno)))") }
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
