package import Foundation

/// One time a schedule fires: the instant, and a note when DST moved or merged it.
package struct Fire: Sendable, Hashable {
    /// The instant of the fire.
    package var at: Date
    /// Why the fire is not simply the wall time asked for, e.g.
    /// `02:30 does not exist (DST gap); fired at 03:00`; `nil` for an ordinary fire.
    package var note: String?

    /// A fire at `at`, with an optional DST note.
    package init(at: Date, note: String? = nil) {
        self.at = at
        self.note = note
    }
}
