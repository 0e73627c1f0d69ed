import Foundation

/// Reads a file the user named, refusing with one line what cannot be one: a missing
/// path, a directory, a device or pipe (`/dev/zero` would never end), an unreadable file.
enum UserFile {
    /// The bytes of `path`; `kind` ("an image") names what was expected in errors.
    static func contents(of path: String, kind: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw UserError("\(path): " + (errno == ENOENT ? "no such file" : String(cString: strerror(errno))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw UserError("\(path): is a directory, not \(kind)")
        default: throw UserError("\(path): not a regular file (a device or a pipe), not \(kind)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot read the file (\(String(cString: strerror(access(path, R_OK) == 0 ? EIO : errno))))")
        }
        return data
    }
}
