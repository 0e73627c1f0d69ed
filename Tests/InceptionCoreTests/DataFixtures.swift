import Foundation
import InceptionCore
import TestScratch

/// Paths of the test fixtures copied into the test bundle, and scratch files.
enum DataFixtures {
    /// The path of `Fixtures/<relative>` inside the test bundle.
    static func path(_ relative: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// A fresh, empty temporary directory.
    static func scratchDirectory() throws -> String { try TestScratch.directory("data") }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func scratchFile(_ bytes: [UInt8], name: String = "file") throws -> String {
        let path = try scratchDirectory() + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw UserError("test setup: cannot write \(path)")
        }
        return path
    }
}
