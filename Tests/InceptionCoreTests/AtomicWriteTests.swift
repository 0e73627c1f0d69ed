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
