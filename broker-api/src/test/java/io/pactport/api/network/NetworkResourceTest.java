package io.pactport.api.network;

import static io.pactport.api.ApiFixture.pacticipant;
import static io.pactport.api.ApiFixture.publish;
import static io.pactport.api.ApiFixture.text;
import static io.pactport.api.ApiFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /relationships} and {@code /groups/{pacticipant}}: the network diagram's CSV. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class NetworkResourceTest {

    TestDatabase database;

    private String id(String name) {
        return text(database, "SELECT id::text FROM pacticipants WHERE name = ?", name);
    }

    private static List<String> csv(String path, Object... params) {
        String body = given().when()
                .get(path, params)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    @Test
    void relationshipsListEachPacticipantWithTheProvidersItConsumes() {
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        publish(a, b, "1", "x");
        publish(a, c, "1", "y");

        List<String> rows = csv("/relationships");

        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(id(a) + "," + a + ",1,1,0,"));
        String aRow =
                rows.stream().filter(r -> r.startsWith(id(a) + ",")).findFirst().orElseThrow();
        assertThat(List.of(aRow.split(",")).subList(6, 8)).containsExactlyInAnyOrder(id(b), id(c));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(id(b) + "," + b + ",1,1,0,"));
        // every row as wide as the longest (rows with quoted names, which hold commas, left out of the count)
        assertThat(rows.stream()
                        .filter(r -> !r.contains("\""))
                        .map(r -> r.split(",").length)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void aGroupHoldsTheIntegrationsConnectedToThePacticipantAndNoOthers() {
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        String d = unique("D");
        String e = unique("E");
        publish(a, b, "1", "x");
        publish(b, c, "1", "y");
        publish(d, e, "1", "z");

        List<String> rows = csv("/groups/{p}", c);

        assertThat(rows)
                .containsExactly(
                        id(a) + "," + a + ",1,1,0,1," + id(b),
                        id(b) + "," + b + ",1,1,0,2," + id(c),
                        id(c) + "," + c + ",1,1,0,3,0");
    }

    @Test
    void maxPacticipantsStopsTheGroupWideningAndANonNumberIsIgnored() {
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        publish(a, b, "1", "x");
        publish(b, c, "1", "y");

        assertThat(given().queryParam("maxPacticipants", "2")
                        .get("/groups/{p}", a)
                        .asString())
                .doesNotContain(c);
        assertThat(csv("/groups/{p}?maxPacticipants=lots", a)).hasSize(3);
    }

    @Test
    void aPacticipantWithoutIntegrationsHasAnEmptyGroupAndAnUnknownOneIsNotFound() {
        String loner = unique("Loner");
        pacticipant(loner);

        assertThat(csv("/groups/{p}", loner)).isEmpty();
        given().when()
                .get("/groups/{p}", unique("Nobody"))
                .then()
                .statusCode(404)
                .body("error", org.hamcrest.Matchers.containsString("No pacticipant"));
    }

    @Test
    void namesWithCommasAreQuoted() {
        String a = unique("A, the first");
        String b = unique("B");
        publish(a, b, "1", "x");

        assertThat(csv("/groups/{p}", b)).contains(id(a) + ",\"" + a + "\",1,1,0,1," + id(b));
    }
}
