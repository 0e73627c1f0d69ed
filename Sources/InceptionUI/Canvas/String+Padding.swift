extension String {
    /// Right-aligned in `width` columns (unchanged when longer).
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }

    /// Left-aligned in `width` columns (unchanged when longer).
    func rightPadded(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
