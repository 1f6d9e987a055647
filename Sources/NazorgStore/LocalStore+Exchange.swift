import NazorgMessages
import Foundation
import GRDB
public import NazorgSync

extension LocalStore {
    /// The chains this store holds and, for each, the highest sequence it holds without a gap below it.
    ///
    /// A chain with a gap (a change received without its predecessors) reports the sequence before the
    /// gap, so a peer that answers with `changes(missingFrom:)` also sends what fills the gap.
    public func versionVector() throws -> VersionVector {
        try withDatabase(.readingTheVersionVector) {
            try database.read { db in
                var vector = VersionVector()
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT family, tag, author, MAX(sequence) AS top, COUNT(*) AS held FROM change GROUP BY family, tag, author")
                var gapped: [ChainKey] = []
                while let row = try rows.next() {
                    let chain = try Self.chainKey(row)
                    let top: Int64 = row["top"]
                    let held: Int64 = row["held"]
                    if top == held { vector.observe(chain, sequence: UInt64(top)) } else { gapped.append(chain) }
                }
                for chain in gapped {
                    let sequences = try Int64.fetchAll(
                        db, sql: "SELECT sequence FROM change WHERE family = ? AND tag = ? AND author = ? ORDER BY sequence",
                        arguments: Self.arguments(chain))
                    var contiguous: Int64 = 0
                    for sequence in sequences where sequence <= contiguous + 1 { contiguous = max(contiguous, sequence) }
                    if contiguous > 0 { vector.observe(chain, sequence: UInt64(contiguous)) }
                }
                return vector
            }
        }
    }

    /// Every change held that a replica with `vector` lacks, chain by chain in sequence order: what to send
    /// a peer so that it holds everything this store holds.
    public func changes(missingFrom vector: VersionVector) throws -> [SignedChange] {
        try withDatabase(.readingChangesForAPeer) {
            try database.read { db in
                let chains = try Row.fetchAll(db, sql: "SELECT DISTINCT family, tag, author FROM change").map(Self.chainKey)
                let select = try db.cachedStatement(
                    sql: "SELECT bytes FROM change WHERE family = ? AND tag = ? AND author = ? AND sequence > ? ORDER BY sequence")
                var result: [SignedChange] = []
                for chain in chains.sorted() {
                    let rows = try Data.fetchCursor(select, arguments: Self.arguments(chain) + [Int64(vector[chain])])
                    while let bytes = try rows.next() { result.append(try SignedChange(bytes: bytes)) }
                }
                return result
            }
        }
    }

    private static func chainKey(_ row: Row) throws -> ChainKey {
        guard let family = ID128(data: row["family"] as Data), let tag = ID128(data: row["tag"] as Data),
            let author = ID128(data: row["author"] as Data)
        else { throw StoreError(.corrupt, Messages.Store.badChangeRowID) }
        return ChainKey(section: SectionRef(family: family, tag: tag), author: author)
    }

    private static func arguments(_ chain: ChainKey) -> StatementArguments {
        [chain.section.family.data, chain.section.tag.data, chain.author.data]
    }
}
