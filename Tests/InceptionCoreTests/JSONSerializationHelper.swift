import Foundation

/// Parses text with Foundation's JSON reader: the independent check that what
/// the renderers write is valid JSON.
enum JSONSerializationHelper {
    static func object(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
