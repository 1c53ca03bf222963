package io.pactport.retention.selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactport.retention.selectors.KeepSelector.Name;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeepSelectorsTest {

    private static final KeepSelector NONE = KeepSelector.NONE;

    private static KeepSelector one(String json) {
        List<KeepSelector> parsed = KeepSelectors.parse(json);
        assertThat(parsed).hasSize(1);
        return parsed.get(0);
    }

    @Test
    void seedExamplesParseToTheirSelectors() {
        assertThat(one("[{\"max_age\":30,\"tag\":\"main\"}]"))
                .isEqualTo(NONE.withMaxAge(30).withTag(Name.of("main")));
        assertThat(one("[{\"latest\":true,\"tag\":true}]"))
                .isEqualTo(NONE.withLatest(true).withTag(Name.any()));
        assertThat(one("[{\"max_age\":30}]")).isEqualTo(NONE.withMaxAge(30));
        assertThat(one("[{\"pacticipant\":\"Foo\"}]")).isEqualTo(NONE.withPacticipant("Foo"));
        assertThat(one("[{\"latest\":true}]")).isEqualTo(NONE.withLatest(true));
        assertThat(one("[{\"pacticipant\":\"Foo\",\"tag\":\"main\"}]"))
                .isEqualTo(NONE.withPacticipant("Foo").withTag(Name.of("main")));
        assertThat(one("[{\"tag\":\"production\"}]")).isEqualTo(NONE.withTag(Name.of("production")));
    }

    @Test
    void severalSelectorsKeepTheirOrder() {
        assertThat(KeepSelectors.parse("""
                [{"max_age":30,"tag":"main"},{"latest":true,"tag":true},{"pacticipant":"Foo"},{"tag":"production"}]
                """))
                .containsExactly(
                        NONE.withMaxAge(30).withTag(Name.of("main")),
                        NONE.withLatest(true).withTag(Name.any()),
                        NONE.withPacticipant("Foo"),
                        NONE.withTag(Name.of("production")));
    }

    @Test
    void everyPropertyParses() {
        assertThat(one("""
                {"pacticipant":"Foo","environment":"production","branch":"main","mainBranch":true,
                 "tag":"prod","latest":true,"deployed":true,"released":true}"""))
                .isEqualTo(new KeepSelector(
                        "Foo", "production", Name.of("main"), true, Name.of("prod"), true, null, true, true));
        assertThat(one("{\"branch\":true,\"latest\":true}"))
                .isEqualTo(NONE.withBranch(Name.any()).withLatest(true));
        assertThat(one("{\"branch\":\"main\",\"max_age\":15}"))
                .isEqualTo(NONE.withBranch(Name.of("main")).withMaxAge(15));
    }

    @Test
    void aSingleObjectIsAListOfOne() {
        assertThat(KeepSelectors.parse("{\"latest\":true}")).containsExactly(NONE.withLatest(true));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"mainBranch\":true}       | main_branch",
                "{\"main_branch\":true}      | main_branch",
                "{\"maxAge\":5}              | max_age",
                "{\"max_age\":5}             | max_age",
                "{\"pacticipant_name\":\"A\"} | pacticipant",
                "{\"pacticipantName\":\"A\"}  | pacticipant",
                "{\"environment_name\":\"p\"} | environment",
                "{\"environmentName\":\"p\"}  | environment"
            })
    void camelAndSnakeCaseAndLongNamesAreAccepted(String json, String property) {
        KeepSelector s = one(json);
        switch (property) {
            case "main_branch" -> assertThat(s).isEqualTo(NONE.withMainBranch(true));
            case "max_age" -> assertThat(s).isEqualTo(NONE.withMaxAge(5));
            case "pacticipant" -> assertThat(s).isEqualTo(NONE.withPacticipant("A"));
            default -> assertThat(s).isEqualTo(NONE.withEnvironment("p"));
        }
    }

    @Test
    void falseAndNullMeanNotApplied() {
        assertThat(one("{\"latest\":false,\"max_age\":30,\"deployed\":false,\"tag\":null}"))
                .isEqualTo(NONE.withMaxAge(30));
        assertThat(one("{\"max_age\":30.0}")).isEqualTo(NONE.withMaxAge(30));
        assertThat(one("{\"max_age\":0}")).isEqualTo(NONE.withMaxAge(0));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "[{\"latest\":true},{\"latest\":true,\"max_age\":30}] | selector 2: \"latest\" cannot be combined with \"max_age\"",
                "[{\"lastest\":true}]  | selector 1: unknown key \"lastest\" (known: pacticipant, branch, tag, latest, max_age, mainBranch, deployed, released, environment); did you mean \"latest\"?",
                "[{\"colour\":\"red\"}] | selector 1: unknown key \"colour\" (known: pacticipant, branch, tag, latest, max_age, mainBranch, deployed, released, environment)",
                "[{\"max_age\":\"30d\"}] | selector 1: \"max_age\" must be a whole number of days, not \"30d\"",
                "[{\"max_age\":\"30\"}]  | selector 1: \"max_age\" must be a whole number of days, not \"30\"",
                "[{\"max_age\":7.5}]    | selector 1: \"max_age\" must be a whole number of days, not 7.5",
                "[{\"max_age\":-1}]     | selector 1: \"max_age\" must not be negative, not -1",
                "[{\"max_age\":99999999999}] | selector 1: \"max_age\" must be a whole number of days, not 99999999999",
                "[{\"latest\":\"true\"}] | selector 1: \"latest\" must be true or false, not a string \"true\"",
                "[{\"deployed\":1}]     | selector 1: \"deployed\" must be true or false, not a number 1",
                "[{\"tag\":false}]      | selector 1: \"tag\" must be a name or true (any tag), not a boolean false",
                "[{\"branch\":[\"a\"]}] | selector 1: \"branch\" must be a name or true (any branch), not an array [\"a\"]",
                "[{\"tag\":\" \"}]      | selector 1: \"tag\" must not be blank",
                "[{\"pacticipant\":true}] | selector 1: \"pacticipant\" must be a name (a string), not a boolean true",
                "[{\"maxAge\":1,\"max_age\":2}] | selector 1: \"maxAge\" and \"max_age\" set the same property; give it once",
                "[{\"latest\":true},\"latest\"] | selector 2: must be an object such as {\"latest\":true}, not a string \"latest\"",
                "[{}]                 | selector 1: {} selects every version, so nothing would ever be deleted",
                "[{\"deployed\":false}] | selector 1: {\"deployed\":false} selects every version",
                "[]                   | the list of keep selectors is empty",
                "`   `                | no keep selectors given",
                "true                 | keep selectors must be a JSON array of objects such as [{\"latest\":true},{\"max_age\":90}], not a boolean true",
                "[{\"latest\":true,\"latest\":false}] | keep selectors are not valid JSON at line 1, column 25: Duplicate field 'latest'",
                "[{\"latest\":true}] x  | keep selectors are not valid JSON at line 1",
                "[{latest:true}]      | keep selectors are not valid JSON at line 1, column 3: Unexpected character ('l'"
            })
    void invalidSelectorsAreRefusedSayingWhereAndWhy(String json, String message) {
        assertThatThrownBy(() -> KeepSelectors.parse(json))
                .isInstanceOf(InvalidSelectorsException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void dockerDefaultsAreThePactBrokers() {
        assertThat(KeepSelectors.DOCKER_DEFAULTS)
                .map(KeepSelector::describe)
                .containsExactly(
                        "{\"tag\":true,\"latest\":true}",
                        "{\"branch\":true,\"latest\":true}",
                        "{\"latest\":true}",
                        "{\"deployed\":true}",
                        "{\"released\":true}",
                        "{\"max_age\":90}");
    }

    @Test
    void describeIsOneLineOfJsonThatParsesBack() {
        KeepSelector s = new KeepSelector("Fo\"o", "prod", Name.of("main"), true, Name.any(), true, null, true, true);
        assertThat(s.describe())
                .isEqualTo("{\"pacticipant\":\"Fo\\\"o\",\"environment\":\"prod\",\"branch\":\"main\","
                        + "\"mainBranch\":true,\"tag\":true,\"latest\":true,\"deployed\":true,\"released\":true}");
        assertThat(one(s.describe())).isEqualTo(s);
        for (KeepSelector d : KeepSelectors.DOCKER_DEFAULTS) {
            assertThat(one(d.describe())).isEqualTo(d);
        }
    }

    @Test
    void deployedAndReleasedAreAddedWhenAbsent() {
        var result = KeepSelectors.withAlwaysKept(List.of(NONE.withLatest(true)));
        assertThat(result.selectors())
                .containsExactly(NONE.withLatest(true), KeepSelectors.DEPLOYED, KeepSelectors.RELEASED);
        assertThat(result.added()).containsExactly(KeepSelectors.DEPLOYED, KeepSelectors.RELEASED);
    }

    @Test
    void nothingIsAddedToTheDefaults() {
        var result = KeepSelectors.withAlwaysKept(KeepSelectors.DOCKER_DEFAULTS);
        assertThat(result.selectors()).isEqualTo(KeepSelectors.DOCKER_DEFAULTS);
        assertThat(result.added()).isEmpty();
    }

    @Test
    void aNarrowerDeployedSelectorDoesNotCountAsTheAlwaysKeptOne() {
        KeepSelector fooDeployed = NONE.withDeployed(true).withPacticipant("Foo");
        var result = KeepSelectors.withAlwaysKept(List.of(fooDeployed, KeepSelectors.RELEASED));
        assertThat(result.selectors()).containsExactly(fooDeployed, KeepSelectors.RELEASED, KeepSelectors.DEPLOYED);
        assertThat(result.added()).containsExactly(KeepSelectors.DEPLOYED);
    }
}
