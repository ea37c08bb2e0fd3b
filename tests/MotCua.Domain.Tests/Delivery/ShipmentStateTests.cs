using MotCua.Domain.Delivery;

namespace MotCua.Domain.Tests.Delivery;

public sealed class ShipmentStateTests
{
    [Theory]
    [InlineData(ShipmentState.Created, ShipmentState.Accepted)]
    [InlineData(ShipmentState.Created, ShipmentState.Delivered)]
    [InlineData(ShipmentState.Accepted, ShipmentState.InTransit)]
    [InlineData(ShipmentState.InTransit, ShipmentState.Delivered)]
    [InlineData(ShipmentState.InTransit, ShipmentState.Failed)]
    [InlineData(ShipmentState.Failed, ShipmentState.Returned)]
    [InlineData(ShipmentState.Accepted, ShipmentState.Cancelled)]
    public void Forward_moves_are_taken(ShipmentState from, ShipmentState to) => Assert.True(ShipmentStates.CanMove(from, to));

    [Theory]
    [InlineData(ShipmentState.InTransit, ShipmentState.Accepted)]
    [InlineData(ShipmentState.Delivered, ShipmentState.InTransit)]
    [InlineData(ShipmentState.Delivered, ShipmentState.Failed)]
    [InlineData(ShipmentState.Delivered, ShipmentState.Returned)]
    [InlineData(ShipmentState.Returned, ShipmentState.Delivered)]
    [InlineData(ShipmentState.Failed, ShipmentState.InTransit)]
    [InlineData(ShipmentState.Failed, ShipmentState.Delivered)]
    [InlineData(ShipmentState.InTransit, ShipmentState.InTransit)]
    [InlineData(ShipmentState.InTransit, ShipmentState.Cancelled)]
    [InlineData(ShipmentState.Cancelled, ShipmentState.Accepted)]
    public void Backward_repeated_or_impossible_moves_are_not(ShipmentState from, ShipmentState to) => Assert.False(ShipmentStates.CanMove(from, to));

    [Fact]
    public void Every_order_of_the_same_news_ends_in_the_same_state()
    {
        ShipmentState[] news = [ShipmentState.Accepted, ShipmentState.InTransit, ShipmentState.Delivered];
        foreach (var order in new[] { news, news.Reverse().ToArray(), [news[1], news[0], news[2], news[1]] })
        {
            var state = ShipmentState.Created;
            foreach (var n in order) if (ShipmentStates.CanMove(state, n)) state = n;
            Assert.Equal(ShipmentState.Delivered, state);
        }
    }
}
