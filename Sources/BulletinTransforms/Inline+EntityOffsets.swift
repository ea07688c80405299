import BulletinModel

extension Array where Element == Inline {
    /// Every entity mention in these inlines with its range in Unicode scalars of their ``plainText``.
    public var entityMentions: [(mention: EntityMention, range: Range<Int>)] {
        var found: [(mention: EntityMention, range: Range<Int>)] = []
        var offset = 0
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .emphasis(let content), .strong(let content): walk(content)
                case .link(let link): walk(link.content)
                case .entity(let mention):
                    let length = mention.text.unicodeScalars.count
                    found.append((mention, offset..<(offset + length)))
                    offset += length
                case .text, .lineBreak, .citation, .crossReference:
                    offset += inline.plainText.unicodeScalars.count
                }
            }
        }
        walk(self)
        return found
    }
}
