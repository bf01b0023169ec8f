// The kiosk's glue on the folium page: colours the districts, draws labels and markers from
// the state the app sends (kioskMap.update), and reports taps and painted frames to the app
// through Qt's web channel. Nothing here loads anything: no tiles, no network.
(function () {
  "use strict";
  const K = (window.kioskMap = {
    map: null,
    districts: null,
    byCode: {},
    state: null,
    bridge: null,
    serial: 0,
    pending: [],
  });

  function call(name, ...args) {
    if (K.bridge) K.bridge[name](...args);
    else K.pending.push([name, args]);
  }

  K.attach = function (map, districts) {
    K.map = map;
    K.districts = districts;
    K.labels = L.layerGroup().addTo(map);
    K.markers = L.layerGroup().addTo(map);
    districts.eachLayer(function (layer) {
      const code = layer.feature.properties.code;
      K.byCode[code] = layer;
      layer.on("click", function () {
        call("tapped", code);
      });
    });
    new ResizeObserver(function () {
      map.invalidateSize(false);
      K.fit();
    }).observe(map.getContainer());
    K.fit();
    if (window.qt && window.qt.webChannelTransport) {
      new QWebChannel(window.qt.webChannelTransport, function (channel) {
        K.bridge = channel.objects.bridge;
        for (const [name, args] of K.pending.splice(0)) K.bridge[name](...args);
        K.bridge.pageReady();
      });
    }
  };

  K.fit = function () {
    if (!K.map || !K.districts) return;
    const view = K.state && K.state.view;
    if (view && view.near) {
      const here = L.latLng(view.near.lat, view.near.lon);
      K.map.fitBounds(here.toBounds(2 * view.near.radius_m), { animate: false });
    } else {
      K.map.fitBounds(K.districts.getBounds(), { padding: [6, 6], animate: false });
    }
  };

  function labelIcon(html, className) {
    return L.divIcon({ className: className, html: html, iconSize: null });
  }

  function escape(text) {
    const div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  const MARKER_ICONS = {
    alert: "!",
    incident: "\u26A0", // warning sign
  };

  K.update = function (state) {
    const previousView = K.state && JSON.stringify(K.state.view);
    K.state = state;
    const style = state.style;
    const root = document.documentElement.style;
    root.setProperty("--kiosk-background", style.background);
    root.setProperty("--kiosk-text", style.text);
    root.setProperty("--kiosk-halo", style.halo);
    root.setProperty("--kiosk-label-px", style.label_px + "px");
    root.setProperty("--kiosk-value-px", Math.round(style.label_px * 0.8) + "px");
    root.setProperty("--kiosk-here", style.here);
    for (const code in K.byCode) {
      const district = state.districts[code];
      const selected = code === state.selected;
      K.byCode[code].setStyle({
        color: selected ? style.selected : style.line,
        weight: selected ? style.line_px * 3 : style.line_px,
        fillColor: district ? district.fill : style.background,
        fillOpacity: style.fill_opacity,
        opacity: 1,
      });
      if (selected) K.byCode[code].bringToFront();
    }
    K.labels.clearLayers();
    if (style.labels) {
      for (const code in state.labels) {
        const district = state.districts[code];
        if (!district) continue;
        const [lat, lon] = state.labels[code];
        const value =
          style.values && district.known ? `<span class="value">${escape(district.value)}</span>` : "";
        K.labels.addLayer(
          L.marker([lat, lon], {
            icon: labelIcon(
              `<span class="name">${escape(district.name)}</span>${value}`,
              "kiosk-label" + (code === state.here_code ? " here-district" : "")
            ),
            interactive: false,
            keyboard: false,
          })
        );
      }
    }
    K.markers.clearLayers();
    for (const marker of state.markers) {
      const at = [marker.lat, marker.lon];
      if (marker.kind === "bike") {
        K.markers.addLayer(
          L.circleMarker(at, {
            radius: style.bike_px,
            color: style.halo,
            weight: 2,
            fillColor: style.bike,
            fillOpacity: 1,
            interactive: false,
          })
        );
        if (state.view && state.view.near && marker.short) {
          K.markers.addLayer(
            L.marker(at, {
              icon: labelIcon(`<span>${escape(marker.short)}</span>`, "kiosk-bike"),
              interactive: false,
              keyboard: false,
            })
          );
        }
      } else if (marker.kind === "here") {
        K.markers.addLayer(
          L.marker(at, {
            icon: labelIcon(
              `<span class="dot"></span><span class="text">${escape(marker.label)}</span>`,
              "kiosk-here"
            ),
            interactive: false,
            keyboard: false,
            zIndexOffset: 1000,
          })
        );
      } else {
        K.markers.addLayer(
          L.marker(at, {
            icon: labelIcon(
              `<span class="sign">${MARKER_ICONS[marker.kind] || "!"}</span>`,
              "kiosk-sign " + marker.kind
            ),
            title: marker.label,
            interactive: false,
            keyboard: false,
            zIndexOffset: 500,
          })
        );
      }
    }
    drawLegend(state.legend || []);
    if (JSON.stringify(state.view) !== previousView) K.fit();
    const serial = state.serial;
    // two frames later the new colours are on screen: tell the app (screenshots wait for it)
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        call("painted", serial);
      });
    });
    return serial;
  };

  // The key to the colours, in the map's empty corner (the home screen has no room for a
  // native legend; the map page shows its own under the map and sends none).
  function drawLegend(items) {
    if (!K.legend) {
      K.legend = L.control({ position: "bottomleft" });
      K.legend.onAdd = function () {
        return L.DomUtil.create("div", "kiosk-legend");
      };
      K.legend.addTo(K.map);
    }
    const box = K.legend.getContainer();
    box.style.display = items.length ? "block" : "none";
    box.innerHTML = items
      .map(
        ([color, words]) =>
          `<div class="row"><span class="swatch" style="background:${color}"></span>${escape(words)}</div>`
      )
      .join("");
  }

  // For tests and benchmarks: the pixel (in the page) at the middle of a district's label.
  K.pointOf = function (code) {
    const [lat, lon] = K.state.labels[code];
    const point = K.map.latLngToContainerPoint([lat, lon]);
    return [point.x, point.y];
  };
})();
