/* Feedback maps (docs/feedback.md, docs/adr/0026): the reporting page's pin, the public list's reports and a report's
   place, drawn with Leaflet over the units' outlines (and tiles when a tile server is configured). Everything here is an
   addition: the pages work without it (coordinates and an address typed in, the list without a map). */
(function () {
    'use strict';
    if (typeof L === 'undefined') return;

    var HANOI = [21.0285, 105.8522];
    var OUTLINE = { color: '#1d4f91', weight: 1, fillColor: '#1d4f91', fillOpacity: 0.04 };
    var PIN = { radius: 9, color: '#a50e0e', weight: 3, fillColor: '#a50e0e', fillOpacity: 0.6 };
    var REPORT = { radius: 7, color: '#0b0c0c', weight: 2, fillColor: '#ffdd00', fillOpacity: 0.9 };

    function makeMap(el, zoom) {
        el.hidden = false;
        var map = L.map(el, { center: HANOI, zoom: zoom || 12, attributionControl: !!el.dataset.tiles });
        if (el.dataset.tiles) {
            L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || '' }).addTo(map);
            map.attributionControl.setPrefix(false);
        }
        return map;
    }

    /* The outlines as a layer; names as tooltips. A click on an outline is a click on the map. */
    function outlines(map, el, fit) {
        return fetch(el.dataset.outlines, { headers: { Accept: 'application/geo+json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) {
                if (!data) return;
                var layer = L.geoJSON(data, {
                    style: OUTLINE,
                    onEachFeature: function (f, l) { if (f.properties && f.properties.name) l.bindTooltip(f.properties.name, { sticky: true }); }
                }).addTo(map);
                layer.bringToBack();
                var wanted = typeof fit === 'function' ? fit() : fit;
                if (wanted && layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { animate: false });
            })
            .catch(function () { /* the map still takes a pin without the outlines */ });
    }

    function text(tag, value, cls) {
        var node = document.createElement(tag);
        node.textContent = value;
        if (cls) node.className = cls;
        return node;
    }

    /* The reporting page: a click sets the pin and fills the coordinate fields; open reports nearby are listed live. */
    function reportingMap(el) {
        var lat = document.getElementById('lat'), lng = document.getElementById('lng');
        var map = makeMap(el, 13);
        var hint = document.getElementById('map-hint');
        if (hint) hint.hidden = false;
        var marker = null, pending = null;
        var live = document.getElementById('nearby-live');
        var template = document.getElementById('nearby-item');

        function showNearby(items) {
            var list = live.querySelector('ul');
            list.textContent = '';
            items.forEach(function (item) {
                var li = template.content.firstElementChild.cloneNode(true);
                var a = li.querySelector('a');
                a.href = item.url;
                // The distance's words come from the page, in the reader's language ({0} is the distance in metres).
                a.textContent = item.number + ' · ' + item.status + ' · ' + template.dataset.distance.replace('{0}', item.distance);
                li.querySelector('.meta').textContent = item.description.length > 200 ? item.description.slice(0, 200) + '…' : item.description;
                list.appendChild(li);
            });
            live.hidden = items.length === 0;
        }

        function nearby(point) {
            if (pending) pending.abort();
            pending = new AbortController();
            var url = el.dataset.nearby + '?category=' + encodeURIComponent(el.dataset.category) + '&lat=' + point.lat.toFixed(6) + '&lng=' + point.lng.toFixed(6);
            fetch(url, { signal: pending.signal }).then(function (r) { return r.ok ? r.json() : []; }).then(showNearby).catch(function () { });
        }

        function place(point, fromFields) {
            if (marker) marker.setLatLng(point); else marker = L.circleMarker(point, PIN).addTo(map);
            if (!fromFields) {
                lat.value = point.lat.toFixed(6);
                lng.value = point.lng.toFixed(6);
            }
            nearby(point);
        }

        function fromFields() {
            var la = parseFloat((lat.value || '').replace(',', '.')), lo = parseFloat((lng.value || '').replace(',', '.'));
            if (isFinite(la) && isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
                place(L.latLng(la, lo), true);
                return true;
            }
            return false;
        }

        map.on('click', function (e) { place(e.latlng, false); });
        /* Typed coordinates move the pin and bring it into view. */
        /* Without animation: a click during a zoom animation would be read against the old view. */
        function typed() { if (fromFields()) map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15), { animate: false }); }
        lat.addEventListener('change', typed);
        lng.addEventListener('change', typed);
        var hasPin = fromFields();
        /* The outlines arrive later: they frame the city only if no pin was placed meanwhile. */
        outlines(map, el, function () { return !marker; }).then(function () { if (hasPin) map.setView(marker.getLatLng(), 16); });
    }

    /* The public list: this page's reports as points, each opening its page. */
    function listMap(el) {
        var map = makeMap(el, 12);
        var points = [];
        document.querySelectorAll('.feedback-list li[data-lat]').forEach(function (li) {
            if (!li.dataset.lat || !li.dataset.lng) return;
            var at = L.latLng(parseFloat(li.dataset.lat), parseFloat(li.dataset.lng));
            var link = li.querySelector('a');
            var popup = document.createElement('div');
            var a = text('a', link.textContent);
            a.href = link.getAttribute('href');
            popup.appendChild(a);
            L.circleMarker(at, REPORT).bindPopup(popup).addTo(map);
            points.push(at);
        });
        outlines(map, el, points.length === 0).then(function () {
            if (points.length > 0) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 16 });
        });
    }

    /* A report's page: its place. */
    function placeMap(el) {
        var at = L.latLng(parseFloat(el.dataset.lat), parseFloat(el.dataset.lng));
        var map = makeMap(el, 16);
        map.setView(at, 16);
        L.circleMarker(at, PIN).addTo(map);
        outlines(map, el, false);
    }

    var el;
    if ((el = document.getElementById('report-map'))) reportingMap(el);
    if ((el = document.getElementById('reports-map'))) listMap(el);
    if ((el = document.getElementById('report-location-map'))) placeMap(el);
})();
