extension Canvas {
    /// The positions (indices into `cells`) where this frame differs from
    /// `previous`: every cell when there is no previous frame or its size
    /// differs. A backend writes only these, so an unchanged screen costs
    /// nothing to draw.
    public func changedCells(since previous: Canvas?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else {
            return Array(cells.indices)
        }
        return cells.indices.filter { cells[$0] != previous.cells[$0] }
    }
}
