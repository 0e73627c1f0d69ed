import Foundation
import Testing
@testable import InceptionCore
import TestScratch

/// `--output` and every file the explorer writes: replaced whole, through a
/// symbolic link, and written into a named pipe rather than over it.
@Suite struct AtomicWriteTests {
    @Test func replacesAFileWhole() throws {
        let path = try TestScratch.directory("atomic") + "/out.txt"
        try AtomicWrite.write("first, longer", to: path)
        try AtomicWrite.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    }

    @Test func writesThroughASymbolicLink() throws {
        let directory = try TestScratch.directory("atomic")
        try AtomicWrite.write("old", to: directory + "/target.txt")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.txt", withDestinationPath: "target.txt")
        try AtomicWrite.write("new", to: directory + "/link.txt")
        #expect(try String(contentsOfFile: directory + "/target.txt", encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.txt") == "target.txt")
        // A link to a file not there yet creates the file; one into a missing folder is refused.
        try FileManager.default.createSymbolicLink(atPath: directory + "/new-link.txt", withDestinationPath: "created.txt")
        try AtomicWrite.write("created", to: directory + "/new-link.txt")
        #expect(try String(contentsOfFile: directory + "/created.txt", encoding: .utf8) == "created")
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling.txt", withDestinationPath: "missing/x.txt")
        #expect(throws: UserError.self) { try AtomicWrite.write("x", to: directory + "/dangling.txt") }
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing"))
    }

    /// A chain of links is followed to its end (created if missing); a loop is refused,
    /// and no link is replaced by a plain file either way.
    @Test func followsChainsOfLinksAndRefusesLoops() throws {
        let directory = try TestScratch.directory("atomic")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: directory + "/a", withDestinationPath: "b")
        try manager.createSymbolicLink(atPath: directory + "/b", withDestinationPath: "c")
        try AtomicWrite.write("end", to: directory + "/a")
        #expect(try String(contentsOfFile: directory + "/c", encoding: .utf8) == "end")
        #expect(try manager.destinationOfSymbolicLink(atPath: directory + "/b") == "c")
        try manager.createSymbolicLink(atPath: directory + "/x", withDestinationPath: "y")
        try manager.createSymbolicLink(atPath: directory + "/y", withDestinationPath: "x")
        #expect(throws: UserError("cannot write \(directory)/x: too many levels of symbolic links")) {
            try AtomicWrite.write("loop", to: directory + "/x")
        }
        #expect(try manager.destinationOfSymbolicLink(atPath: directory + "/y") == "x")
        #expect(throws: UserError("cannot write: no file name given")) { try AtomicWrite.write("x", to: "") }
    }

    /// A replaced file keeps its permissions; a new one gets 0666 less the umask, not mkstemp's 0600.
    @Test func keepsAReplacedFilesPermissions() throws {
        let directory = try TestScratch.directory("atomic")
        try AtomicWrite.write("secret", to: directory + "/private")
        #expect(chmod(directory + "/private", 0o600) == 0)
        try AtomicWrite.write("still secret", to: directory + "/private")
        let umask = Foundation.umask(0)
        Foundation.umask(umask)
        var info = stat()
        #expect(stat(directory + "/private", &info) == 0 && info.st_mode & 0o777 == 0o600)
        try AtomicWrite.write("new", to: directory + "/public")
        #expect(stat(directory + "/public", &info) == 0 && info.st_mode & 0o777 == 0o666 & ~umask)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["private", "public"])
    }

    /// `/dev/fd/N` is written to the open descriptor (so `--output /dev/stdout >> log`
    /// appends), never followed to a file and renamed over.
    @Test func writesAStreamToItsDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        try AtomicWrite.write("down the pipe", to: "/dev/fd/\(ends[1])")
        // Through a link, or with doubled slashes, it is still the stream.
        let link = try TestScratch.directory("atomic") + "/stream"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/fd/\(ends[1])")
        try AtomicWrite.write(", and on", to: link)
        try AtomicWrite.write(".", to: "//dev//fd/\(ends[1])")
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self) == "down the pipe, and on.")
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    /// What a shell's `>` refuses is refused: a name ending in `/`, a read-only file;
    /// and a `..` after a linked folder is the kernel's to resolve, not the text's.
    @Test func refusesWhatAShellRefusesAndKeepsDotDotAfterALink() throws {
        let directory = try TestScratch.directory("atomic")
        try AtomicWrite.write("old", to: directory + "/f.txt")
        #expect(throws: UserError("cannot write \(directory)/f.txt/: a file name cannot end with /")) {
            try AtomicWrite.write("x", to: directory + "/f.txt/")
        }
        #expect(chmod(directory + "/f.txt", 0o444) == 0)
        #expect(throws: UserError("cannot write \(directory)/f.txt: the file is read-only")) {
            try AtomicWrite.write("x", to: directory + "/f.txt")
        }
        #expect(try String(contentsOfFile: directory + "/f.txt", encoding: .utf8) == "old")
        try FileManager.default.createDirectory(atPath: directory + "/A/B", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/BL", withDestinationPath: "A/B")
        try AtomicWrite.write("beside B", to: directory + "/BL/../plain.txt")
        #expect(try String(contentsOfFile: directory + "/A/plain.txt", encoding: .utf8) == "beside B")
        #expect(!FileManager.default.fileExists(atPath: directory + "/plain.txt"))
    }

    /// A FIFO with a reader already open: the bytes arrive through it and it stays a FIFO.
    @Test func writesIntoANamedPipe() throws {
        let path = try TestScratch.directory("atomic") + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicWrite.write("through the pipe", to: path)
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self) == "through the pipe")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}
