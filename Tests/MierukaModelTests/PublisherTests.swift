import MierukaModel
import Testing

@Suite struct PublisherTests {
    @Test func theKindIsTheEndingOfCityAsWritten() {
        #expect(Publisher(city: "栄町", declaredKind: nil).publishedMark == "町の公表値")
        #expect(Publisher(city: "十日町市", declaredKind: nil).publishedMark == "市の公表値")
        #expect(Publisher(city: "東海村", declaredKind: nil).publishedMark == "村の公表値")
        #expect(Publisher(city: "世田谷区", declaredKind: nil).publishedMark == "区の公表値")
        // 町田市 starts with 町 but is a city: only the last character counts.
        #expect(Publisher(city: "町田市", declaredKind: nil).kind == "市")
    }

    @Test func aDeclaredKindWinsAndNoneIsNeutral() {
        #expect(Publisher(city: "架空地区広域連合", declaredKind: "広域連合").publishedMark == "広域連合の公表値")
        #expect(Publisher(city: "栄町", declaredKind: "県").subject == "県が")
        #expect(Publisher(city: "千葉県", declaredKind: nil).publishedMark == "公表値")
        #expect(Publisher(city: "千葉県", declaredKind: nil).subject == "")
    }
}
