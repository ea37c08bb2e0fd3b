using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;
using static MotCua.Domain.Tests.Catalog.ValidProcedure;

namespace MotCua.Domain.Tests.Catalog;

public class ProcedureValidatorTests
{
    private static IReadOnlyList<ValidationError> Publish(ProcedureDefinition d) => ProcedureValidator.Validate(d, forPublishing: true);

    [Fact]
    public void A_valid_definition_passes() => Assert.Empty(Publish(Create()));

    [Fact]
    public void A_draft_may_lack_the_workflow_but_a_published_version_may_not()
    {
        var draft = Create() with { Workflow = null };

        Assert.Empty(ProcedureValidator.Validate(draft, forPublishing: false));
        AssertSingleError(Publish(draft), "$.workflow");
    }

    [Theory]
    [InlineData("", "$.nationalCode")]
    [InlineData(" ", "$.nationalCode")]
    public void The_national_code_is_required(string code, string path) =>
        AssertSingleError(Publish(Create() with { NationalCode = code }), path);

    [Theory]
    [InlineData("planet", "$.unitKinds[1]")]
    [InlineData("Ward", "$.unitKinds[1]")]
    [InlineData("ward", "$.unitKinds[1]")]
    public void Unit_kinds_are_known_kinds_named_once(string second, string path) =>
        AssertSingleError(Publish(Create() with { UnitKinds = ["ward", second] }), path);

    [Fact]
    public void The_name_and_field_are_required()
    {
        AssertSingleError(Publish(Create() with { Name = "  " }), "$.name");
        AssertSingleError(Publish(Create() with { Field = "" }), "$.field");
    }

    [Theory]
    [InlineData("1.001193")]
    [InlineData("2.000815.000.00.00.H55")]
    public void National_codes_in_the_catalogue_format_pass(string code) =>
        Assert.Empty(Publish(Create() with { NationalCode = code }));

    [Theory]
    [InlineData("1001193")]
    [InlineData("1.00119")]
    [InlineData("1.001193.H55")]
    [InlineData("TTHC-1.001193")]
    [InlineData("1.001193 ")]
    public void Other_national_codes_are_rejected(string code) =>
        AssertSingleError(Publish(Create() with { NationalCode = code }), "$.nationalCode");

    [Theory]
    [InlineData("1.001193.000.00.00.H26", false)]
    [InlineData("1.001193.H26", true)]
    [InlineData("1.004222.000.00.00.H26", true)]
    public void A_local_code_extends_the_national_code(string localCode, bool invalid)
    {
        var errors = Publish(Create() with { LocalCode = localCode });

        if (invalid)
        {
            AssertSingleError(errors, "$.localCode");
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_processing_time_is_positive(int value) =>
        AssertSingleError(Publish(Create() with { ProcessingTime = new() { Value = value } }), "$.processingTime.value");

    [Fact]
    public void Document_keys_are_unique()
    {
        var d = Create();
        var errors = Publish(d with { Documents = [d.Documents[0], d.Documents[1] with { Key = "giay-chung-sinh" }] });

        AssertSingleError(errors, "$.documents[1].key");
    }

    [Theory]
    [InlineData("Giay-chung-sinh")]
    [InlineData("giay_chung_sinh")]
    [InlineData("giấy-chứng-sinh")]
    [InlineData("-giay")]
    [InlineData("giay--sinh")]
    [InlineData("giay chung sinh")]
    public void Document_keys_are_kebab_case(string key)
    {
        var d = Create();
        AssertSingleError(Publish(d with { Documents = [d.Documents[0] with { Key = key }] }), "$.documents[0].key");
    }

    [Fact]
    public void Documents_need_a_key_a_name_and_non_negative_copies()
    {
        var d = Create();
        AssertSingleError(Publish(d with { Documents = [d.Documents[0] with { Key = "" }] }), "$.documents[0].key");
        AssertSingleError(Publish(d with { Documents = [d.Documents[0] with { Name = " " }] }), "$.documents[0].name");
        AssertSingleError(Publish(d with { Documents = [d.Documents[0] with { Copies = -1 }] }), "$.documents[0].copies");
    }

    [Fact]
    public void Fees_are_not_negative()
    {
        var d = Create();
        AssertSingleError(Publish(d with { Fees = [d.Fees[0] with { Amount = -1000 }] }), "$.fees[0].amount");
        AssertSingleError(Publish(d with { Fees = [d.Fees[0] with { Name = "" }] }), "$.fees[0].name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soBan")]
    public void A_per_copy_fee_names_a_field_of_the_form(string? field)
    {
        var d = Create();
        AssertSingleError(Publish(d with { Fees = [d.Fees[1] with { Field = field }] }), "$.fees[0].field");
    }

    [Fact]
    public void Without_a_form_a_per_copy_fee_still_names_its_field()
    {
        var d = Create() with { Form = null };

        Assert.Empty(Publish(d));
        AssertSingleError(Publish(d with { Fees = [d.Fees[1] with { Field = null }] }), "$.fees[0].field");
    }

    [Fact]
    public void A_table_fee_names_a_field_and_has_rows()
    {
        var d = Create();
        var table = d.Fees[2];

        AssertSingleError(Publish(d with { Fees = [table with { Field = "mucPhi" }] }), "$.fees[0].field");
        AssertSingleError(Publish(d with { Fees = [table with { Table = [] }] }), "$.fees[0].table");
        AssertSingleError(
            Publish(d with { Fees = [table with { Table = [new() { Value = "thuong", Amount = -1 }] }] }),
            "$.fees[0].table[0].amount");
        AssertSingleError(
            Publish(d with { Fees = [table with { Table = [new() { Value = " ", Amount = 1 }] }] }),
            "$.fees[0].table[0].value");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void The_online_level_is_between_1_and_4(int level) =>
        AssertSingleError(
            Publish(Create() with { OnlineLevel = new() { Level = level } }),
            "$.onlineLevel.level");

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Full_process_means_level_4_and_level_4_means_full_process(int level, bool fullProcess) =>
        AssertSingleError(
            Publish(Create() with { OnlineLevel = new() { Level = level, FullProcess = fullProcess } }),
            "$.onlineLevel.fullProcess");

    [Fact]
    public void Level_3_and_above_receive_online_but_level_2_need_not()
    {
        var counterOnly = Create() with { ReceiveChannels = [Channel.Counter], ReturnChannels = [Channel.Counter] };

        AssertSingleError(Publish(counterOnly), "$.receiveChannels");
        AssertSingleError(
            Publish(counterOnly with { OnlineLevel = new() { Level = 3 } }), "$.receiveChannels");
        Assert.Empty(Publish(counterOnly with { OnlineLevel = new() { Level = 2 } }));
    }

    [Fact]
    public void Results_and_legal_basis_have_text()
    {
        AssertSingleError(Publish(Create() with { Results = [new() { Name = "" }] }), "$.results[0].name");
        AssertSingleError(Publish(Create() with { LegalBasis = [new() { Title = " " }] }), "$.legalBasis[0].title");
    }

    [Fact]
    public void The_form_schema_is_an_object_schema_with_properties()
    {
        var d = Create();
        var notObject = d.Form!.Schema.DeepClone().AsObject();
        notObject["type"] = "array";
        var noProperties = new JsonObject { ["type"] = "object" };

        AssertSingleError(Publish(d with { Form = d.Form with { Schema = notObject } }), "$.form.schema.type");

        // No steps and no fees, so that nothing else refers to the missing properties.
        AssertSingleError(Publish(d with { Form = new() { Schema = noProperties }, Fees = [] }), "$.form.schema.properties");
    }

    [Fact]
    public void Every_step_field_exists_in_the_schema()
    {
        var d = Create();
        var steps = d.Form!.Steps.ToList();
        steps[1] = steps[1] with { Fields = ["soBanSao", "doiTuong", "quocTich"] };

        AssertSingleError(Publish(d with { Form = d.Form with { Steps = steps } }), "$.form.steps[1].fields[2]");
    }

    [Fact]
    public void Every_property_is_asked_in_exactly_one_step()
    {
        var d = Create();
        var missing = d.Form! with { Steps = [d.Form.Steps[0], d.Form.Steps[1] with { Fields = ["soBanSao"] }] };
        var twice = d.Form with { Steps = [d.Form.Steps[0], d.Form.Steps[1] with { Fields = ["soBanSao", "doiTuong", "hoTen"] }] };
        var noTitle = d.Form with { Steps = [d.Form.Steps[0] with { Title = "" }, d.Form.Steps[1]] };

        AssertSingleError(Publish(d with { Form = missing }), "$.form.schema.properties.doiTuong");
        AssertSingleError(Publish(d with { Form = twice }), "$.form.steps[1].fields[2]");
        AssertSingleError(Publish(d with { Form = noTitle }), "$.form.steps[0].title");
    }

    [Fact]
    public void Required_fields_exist()
    {
        var d = Create();
        var schema = d.Form!.Schema.DeepClone().AsObject();
        schema["required"] = new JsonArray("hoTen", "gioiTinh");

        AssertSingleError(Publish(d with { Form = d.Form with { Schema = schema } }), "$.form.schema.required[1]");
    }

    [Fact]
    public void Odd_property_names_get_bracket_paths()
    {
        var d = Create();
        var schema = d.Form!.Schema.DeepClone().AsObject();
        schema["properties"]!.AsObject()["so ban"] = new JsonObject { ["type"] = "integer" };

        AssertSingleError(Publish(d with { Form = d.Form with { Schema = schema } }), "$.form.schema.properties['so ban']");
    }
}
