// The public registry's map: the structures the list shows for the same filters, on the municipalities' boundaries
// (and on map tiles where a tile server is configured). Without JavaScript the section stays hidden and the list,
// which is also the map's text version, is the whole page.
(function () {
  var element = document.getElementById('structures-map');
  if (!element || !window.L || !window.fetch) {
    return;
  }
  // marks the public map's measurement reads beside the browser's own timings
  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark(name);
    }
  }
  mark('map-script');
  var data = element.dataset;
  var section = document.getElementById('map-section');
  var status = document.getElementById('map-status');
  var english = document.documentElement.lang === 'en';
  section.hidden = false;

  var map = L.map(element, {zoomControl: false, preferCanvas: true, zoomSnap: 0.5, minZoom: 5, maxZoom: 18});
  L.control.zoom({zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut}).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  if (data.tiles) {
    L.tileLayer(data.tiles, {attribution: data.tilesAttribution || '', maxZoom: 18}).addTo(map);
  }

  function name(item) {
    return english && item.nameEn ? item.nameEn : item.nameEl;
  }

  function format(pattern) {
    var values = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d)\}/g, function (all, index) {
      return values[Number(index)];
    });
  }

  function paragraph(text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) {
      p.className = className;
    }
    return p;
  }

  function structureMarker(item) {
    var label = name(item);
    var marker = L.marker([item.lat, item.lon], {
      icon: L.divIcon({className: 'structure-marker' + (item.exact ? '' : ' approximate'), iconSize: [16, 16]}),
      title: label, keyboard: true, riseOnHover: true
    });
    var content = document.createElement('div');
    var heading = document.createElement('p');
    var link = document.createElement('a');
    link.href = '/public/structures/' + encodeURIComponent(item.id);
    link.textContent = label;
    heading.appendChild(link);
    content.appendChild(heading);
    content.appendChild(paragraph(english ? item.typeEn : item.typeEl));
    if (item.openNow !== null && item.openNow !== undefined) {
      content.appendChild(paragraph(item.openNow ? data.labelOpen : data.labelClosed));
    }
    if (!item.exact) {
      content.appendChild(paragraph(data.labelMunicipalityOnly, 'hint'));
    }
    if (item.stale) {
      content.appendChild(paragraph(data.labelStale, 'hint'));
    }
    marker.bindPopup(content);
    // someone on the keyboard lands on the card's link, not back on the map
    marker.on('popupopen', function () {
      link.focus();
    });
    return marker;
  }

  function clusterMarker(cluster) {
    var label = format(data.labelCluster, english && cluster.nameEn ? cluster.nameEn : cluster.nameEl, cluster.count);
    var size = cluster.count < 10 ? 28 : cluster.count < 100 ? 34 : 42;
    var marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({className: 'cluster-marker', iconSize: [size, size], html: String(cluster.count)}),
      title: label, keyboard: true
    });
    marker.on('click', function () {
      var query = new URLSearchParams(window.location.search);
      query.set('municipalityCode', cluster.municipalityCode);
      query.delete('page');
      window.location.assign('/public/structures?' + query.toString());
    });
    return marker;
  }

  // as the page's preload links ask (no headers of its own, same credentials), so the browser hands over their answers
  function json(url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (answer) {
      if (!answer.ok) {
        throw new Error(url + ': ' + answer.status);
      }
      return answer.json();
    });
  }

  // the map gets its view once, where its data is, before anything is drawn: no zoom from Greece to the area to
  // animate, and every shape projected once
  var greece = [[38.8, 22.5], 6];
  var viewed = false;

  Promise.all([json(data.boundaries), json(data.markers)]).then(function (both) {
    mark('map-data');
    // around a regional unit's municipalities the others come as outlines only
    var area = L.latLngBounds([]);
    var boundaries = L.geoJSON(both[0], {
      interactive: false,
      style: function (feature) {
        return feature.properties.outline
          ? {color: '#6b7785', weight: 1, fillColor: '#eef2f6', fillOpacity: 0.9}
          : {color: '#6b7785', weight: 1, fillColor: '#f7f9fb', fillOpacity: 0.9};
      },
      onEachFeature: function (feature, shape) {
        if (!feature.properties.outline) {
          area.extend(shape.getBounds());
        }
      }
    });
    var found = both[1];
    var items = found.clustered ? found.clusters : found.markers;
    var markers = items.map(function (item) {
      return found.clustered ? clusterMarker(item) : structureMarker(item);
    });
    var layer = L.featureGroup(markers);
    var bounds = items.length ? layer.getBounds() : area.isValid() ? area : boundaries.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, {padding: [24, 24], maxZoom: 13, animate: false});
    } else {
      map.setView(greece[0], greece[1]);
    }
    viewed = true;
    boundaries.addTo(map);
    map.attributionControl.addAttribution(data.boundariesAttribution);
    layer.addTo(map);
    var ids = [];
    markers.forEach(function (marker, index) {
      var item = items[index];
      var icon = marker.getElement();
      icon.setAttribute('aria-label', marker.options.title);
      if (found.clustered) {
        icon.setAttribute('data-municipality', item.municipalityCode);
      } else {
        icon.setAttribute('data-structure-id', item.id);
        ids.push(item.id);
      }
    });
    mark('map-drawn');
    element.setAttribute('data-structure-ids', ids.join(' '));
    element.setAttribute('data-total', String(found.total));
    element.setAttribute('data-state', 'ready');
    status.textContent = format(found.clustered ? data.labelClustered : data.labelCount, found.total);
  }).catch(function () {
    if (!viewed) {
      map.setView(greece[0], greece[1]);
    }
    element.setAttribute('data-state', 'failed');
    status.textContent = data.labelFailed;
  });
})();
