/// Where an entity lives: a family's section, named by its opaque tag.
public struct SectionRef: Hashable, Comparable, Sendable {
    /// The family.
    public var family: FamilyID
    /// The opaque section tag.
    public var tag: ID128

    /// Creates a section reference.
    public init(family: FamilyID, tag: ID128) {
        self.family = family
        self.tag = tag
    }

    public static func < (a: SectionRef, b: SectionRef) -> Bool { (a.family, a.tag) < (b.family, b.tag) }
}
