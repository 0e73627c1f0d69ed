// Fixed-width columns for the Network view's text.

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func leftPad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Two-digit channel numbers, so saved files sort in channel order.
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
