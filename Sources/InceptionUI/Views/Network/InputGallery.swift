import InceptionCore

/// The `i` overlay of the Network view: one test image per class and a random test
/// image (or the shipped photos, for a photo network) and the `--image` file, each drawn as a small heatmap; arrows move,
/// Enter runs the network on the chosen one.
struct InputGallery: Sendable, Equatable {
    var selected: Int

    /// One choice in the gallery.
    enum Entry: Sendable {
        case sample(NetworkInput)
        case random
        case file(NetworkInput)

        var label: String {
            switch self {
            case .sample(let input): input.label?.name ?? input.title
            case .random: "random test"
            case .file(let input): input.title
            }
        }

        var input: NetworkInput? {
            switch self {
            case .sample(let input), .file(let input): input
            case .random: nil
            }
        }

        var image: Tensor? { input?.preview }
    }

    /// Each entry's cells: its label row over a 32x32 image at 1:2, or at 1:4
    /// when the larger pictures would not all fit in `area`.
    static func cellSize(_ theme: Theme, area: Rect, count: Int) -> Size {
        let large = picture(theme, factor: 2)
        let columns = max(1, (area.width + 1) / (large.width + 1))
        let rows = (count + columns - 1) / columns
        if rows * (large.height + 2) <= area.height { return Size(width: large.width, height: large.height + 1) }
        let small = picture(theme, factor: 4)
        return Size(width: max(small.width, 11), height: small.height + 1)
    }

    /// The cells a 32x32 image takes at 1:`factor`.
    private static func picture(_ theme: Theme, factor: Int) -> Size {
        let side = GrayImage.networkSide / factor
        return Size(width: side, height: Heatmap.usesHalfBlocks(theme) ? side / 2 : side)
    }

    /// Where the gallery draws inside the view's body: the main panel's inside.
    static func area(in body: Rect) -> Rect {
        body.splitLeft(NetworkView.listWidth(body)).1.inset(by: 1)
    }

    /// Where the pictures go: below the hint row.
    static func grid(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    }

    /// Entries per row, for moving up and down.
    static func columns(area: Rect, theme: Theme, count: Int) -> Int {
        let grid = grid(in: area)
        return max(1, (grid.width + 1) / (cellSize(theme, area: grid, count: count).width + 1))
    }

    func render(into canvas: inout Canvas, area: Rect, entries: [Entry], theme: Theme) {
        canvas.fill(area)
        canvas.text("←→↑↓ choose, Enter runs the network on it, Esc closes", x: area.x, y: area.y, style: theme.dim, clip: area)
        let grid = Self.grid(in: area)
        let cell = Self.cellSize(theme, area: grid, count: entries.count)
        let columns = Self.columns(area: area, theme: theme, count: entries.count)
        let rowsVisible = max(1, (grid.height + 1) / (cell.height + 1))
        let selectedRow = selected / columns
        let firstRow = max(0, selectedRow - rowsVisible + 1)
        for (index, entry) in entries.enumerated() {
            let row = index / columns - firstRow, column = index % columns
            guard row >= 0, row < rowsVisible else { continue }
            let x = grid.x + column * (cell.width + 1), y = grid.y + row * (cell.height + 1)
            let style = index == selected ? theme.selection : theme.text
            canvas.text(entry.label, x: x, y: y, style: style, clip: Rect(x: x, y: y, width: cell.width, height: 1))
            let picture = Rect(x: x, y: y + 1, width: cell.width, height: cell.height - 1).intersection(grid)
            if let image = entry.image {
                Heatmap(rows: image.shape[2], columns: image.shape[3], values: image.data, low: 0, high: 1)
                    .render(into: &canvas, area: picture, theme: theme)
            } else {
                canvas.text("a new test", x: x + 1, y: y + 2, style: theme.dim, clip: picture)
                canvas.text("image each", x: x + 1, y: y + 3, style: theme.dim, clip: picture)
                canvas.text("time", x: x + 1, y: y + 4, style: theme.dim, clip: picture)
            }
        }
    }
}
