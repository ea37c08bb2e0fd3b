using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Feedback.Admin;

/// <summary>Base of the feedback administration pages: city-wide settings, so the city's administrators only.</summary>
public abstract class FeedbackAdminPageModel : CityAdminPageModel;
