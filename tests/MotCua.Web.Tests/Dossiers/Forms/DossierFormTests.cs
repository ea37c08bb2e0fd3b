using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Tests.Dossiers.Forms;

public sealed class DossierFormTests
{
    [Fact]
    public void The_catalogue_seeds_forty_eight_online_forms() => Assert.Equal(48, SeededForms.Codes.Count());

    [Theory]
    [MemberData(nameof(SeededForms.CodeData), MemberType = typeof(SeededForms))]
    public void Every_seeded_form_parses_with_every_property_in_a_step_and_nothing_unsupported(string code)
    {
        var definition = SeededForms.Procedure(code).Form!;
        var form = SeededForms.Form(code);
        var properties = definition.Schema["properties"]!.AsObject().Select(p => p.Key).Order().ToList();

        Assert.Equal(properties, form.Steps.SelectMany(s => s.Fields).Select(f => f.Name).Order().ToList());
        Assert.DoesNotContain(form.AllFields, f => f.Kind == FieldKind.Unsupported);
        Assert.All(form.AllFields, f => Assert.Matches("^f-[A-Za-z][A-Za-z0-9-]*$", f.Id));
        Assert.Equal(form.AllFields.Count(), form.AllFields.Select(f => f.Id).Distinct().Count());
        var required = definition.Schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order().ToList();
        Assert.Equal(required, form.AllFields.Where(f => f.Required).Select(f => f.Name).Order().ToList());
    }

    [Fact]
    public void Birth_registration_reads_choices_formats_constraints_and_declarations()
    {
        var form = SeededForms.Form("1.001193");
        Assert.Equal(FieldKind.Choice, form.Field("treGioiTinh")!.Kind);
        Assert.Equal(["nam", "nu"], form.Field("treGioiTinh")!.Options.Select(o => o.Value));
        Assert.True(form.Field("treGioiTinh")!.UseRadios);
        Assert.False(form.Field("quanHeVoiNguoiDuocKhaiSinh")!.UseRadios);
        Assert.Equal(FieldKind.Date, form.Field("treNgaySinh")!.Kind);
        Assert.Equal(FieldKind.Email, form.Field("email")!.Kind);
        Assert.Equal("email", form.Field("email")!.Autocomplete);
        Assert.Equal("tel", form.Field("soDienThoai")!.Autocomplete);
        Assert.Equal("name", form.Field("hoTenNguoiYeuCau")!.Autocomplete);
        Assert.Null(form.Field("meHoTen")!.Autocomplete);
        Assert.Equal(20m, form.Field("soBanSao")!.Maximum);
        Assert.True(form.Field("camDoan")!.IsDeclaration);
        Assert.Equal("numeric", form.Field("soDinhDanhNguoiYeuCau")!.InputMode);
    }

    [Fact]
    public void Nested_objects_become_groups_with_dotted_names_enum_titles_and_arrays_unsupported()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","required":["cha"],"properties":{
              "cha":{"type":"object","title":"Cha","required":["hoTen"],"properties":{
                "hoTen":{"type":"string","title":"Họ tên"},
                "gioiTinh":{"type":"string","title":"Giới tính","enum":["nam","nu"],"x-enumTitles":["Nam","Nữ"]}}},
              "conCai":{"type":"array","title":"Con","items":{"type":"string"}}}}
            """)!.AsObject();
        var form = DossierForm.Parse(new FormDefinition { Schema = schema, Steps = [new FormStep { Title = "Một", Fields = ["cha", "conCai"] }] });

        var group = form.Steps[0].Fields[0];
        Assert.Equal(FieldKind.Group, group.Kind);
        Assert.Equal(["cha.hoTen", "cha.gioiTinh"], group.Children.Select(c => c.Name));
        Assert.Equal("f-cha-hoTen", form.Field("cha.hoTen")!.Id);
        Assert.True(form.Field("cha.hoTen")!.Required);
        Assert.Equal("Nữ", form.Field("cha.gioiTinh")!.Options[1].Title);
        Assert.Equal(FieldKind.Unsupported, form.Field("conCai")!.Kind);

        var answers = FormAnswers.ReadStep(form, 0, new Dictionary<string, string> { ["cha.hoTen"] = "An", ["cha.gioiTinh"] = "nu" }, null);
        Assert.Equal("""{"cha":{"hoTen":"An","gioiTinh":"nu"}}""", answers.ToJsonString());
        Assert.Empty(FormValidation.ValidateAll(form, answers));
        var missing = Assert.Single(FormValidation.ValidateAll(form, []));
        Assert.Equal(("cha.hoTen", "f-cha-hoTen", "forms.error.required"), (missing.Field, missing.FieldId, missing.MessageKey));
    }
}
