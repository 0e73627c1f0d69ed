/// Dots at sub-cell resolution for line charts, as btop and plotext draw them:
/// each cell is a braille character of 2 x 4 dots (U+2800 plus one bit per dot),
/// so a line has four times the rows and twice the columns of the cells it crosses.
struct BrailleDots: Sendable {
    let columns: Int, rows: Int
    /// One byte of dot bits per cell, row-major.
    private(set) var bits: [UInt8]

    /// A grid over `width` x `height` cells: (2·width) x (4·height) dots.
    init(width: Int, height: Int) {
        columns = max(0, width)
        rows = max(0, height)
        bits = Array(repeating: 0, count: columns * rows)
    }

    var dotWidth: Int { 2 * columns }
    var dotHeight: Int { 4 * rows }

    /// The braille bit of dot (dx, dy) within its cell (Unicode's dot numbering:
    /// 1 2 3 7 down the left column, 4 5 6 8 down the right).
    private static let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y), counted from the top left; outside the grid, nothing.
    mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        bits[(y / 4) * columns + x / 2] |= Self.bit[x % 2][y % 4]
    }

    /// Every dot on the straight line from a to b (Bresenham), both ends included.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int)) {
        let (dx, dy) = (abs(b.x - a.x), -abs(b.y - a.y))
        let (sx, sy) = (a.x < b.x ? 1 : -1, a.y < b.y ? 1 : -1)
        var (x, y, error) = (a.x, a.y, dx + dy)
        while true {
            set(x, y)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The braille character of cell (column, row), nil when it has no dot.
    func glyph(column: Int, row: Int) -> Unicode.Scalar? {
        let b = bits[row * columns + column]
        return b == 0 ? nil : Unicode.Scalar(0x2800 + UInt32(b))
    }
}
