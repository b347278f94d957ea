import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { mapPoints, type MapOrigin, type MapPoints, type MapResult } from './points.js';

/**
 * The search results on a map. It only ever shows what the list beside it shows, so nothing is
 * map-only. Without a tile server configured there is no background map, but the markers, the
 * clusters and the starting point still show where things are relative to each other.
 *
 * Markers are HTML (divIcon) rather than images: no image files to serve, and each marker
 * carries its service's name as text for screen readers. The CSP allows no inline style
 * elements; Leaflet positions things through the DOM's style properties, which it allows.
 */
interface Props {
  results: readonly MapResult[];
  origin: MapOrigin | null;
  tileUrl: string | null;
  attribution: string;
}

function textElement(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

function markerIcon(label: string, kind: 'service' | 'origin'): L.DivIcon {
  const html = document.createElement('span');
  html.append(textElement('span', 'nhsuk-u-visually-hidden', label));
  return L.divIcon({ html, className: `lw-map-marker lw-map-marker--${kind}`, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -12] });
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const count = cluster.getChildCount();
  const html = document.createElement('span');
  html.append(textElement('span', 'lw-map-cluster__count', String(count)), textElement('span', 'nhsuk-u-visually-hidden', ` services here. Zoom in to see them.`));
  return L.divIcon({ html, className: 'lw-map-cluster', iconSize: [36, 36] });
}

export function ResultsMap({ results, origin, tileUrl, attribution }: Props): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  // The map is rebuilt only when what it shows changes, not on every render of the page.
  const signature = JSON.stringify(mapPoints(results, origin));

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    // Clustering needs the zoom range even when there are no tiles to say it.
    const map = L.map(element, { scrollWheelZoom: false, zoomSnap: 0.5, minZoom: 3, maxZoom: 18 });
    // The map region is named by the element around it; Leaflet's own focusable container is
    // kept, so keyboard users can pan with the arrow keys.
    if (tileUrl !== null) L.tileLayer(tileUrl, { attribution, maxZoom: 18 }).addTo(map);
    map.attributionControl.setPrefix(false);

    const clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 40 });
    const points = JSON.parse(signature) as MapPoints;
    for (const point of points.services) {
      const marker = L.marker([point.latitude, point.longitude], { icon: markerIcon(point.label, 'service'), title: point.name, alt: point.name, keyboard: true });
      const popup = document.createElement('div');
      const link = textElement('a', 'lw-map-popup__link', point.name) as HTMLAnchorElement;
      link.href = point.href;
      // Stay in the single-page app: a full page load would lose the search state.
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void navigateRef.current(point.href);
      });
      popup.append(link);
      if (point.detail !== '') popup.append(textElement('p', 'lw-map-popup__detail', point.detail));
      marker.bindPopup(popup);
      clusters.addLayer(marker);
    }
    map.addLayer(clusters);
    if (points.origin !== null) {
      L.marker([points.origin.latitude, points.origin.longitude], { icon: markerIcon(points.origin.label, 'origin'), title: points.origin.label, keyboard: false, interactive: false }).addTo(map);
    }
    if (points.bounds !== null) map.fitBounds(points.bounds, { padding: [24, 24], maxZoom: 15 });
    else map.setView([53.8, -1.55], 11);

    return () => {
      map.remove();
    };
  }, [signature, tileUrl, attribution]);

  return (
    <div className="lw-map-wrapper">
      <p className="nhsuk-body-s" id="results-map-note">
        The map shows the same results as the list. Round markers are services{origin === null ? '' : '; the square marks where the search starts'}.
        {tileUrl === null ? ' No background map is set up on this Linkwell, so only the places are shown.' : ''}
      </p>
      <div className="lw-map" role="region" aria-label="Map of the search results" aria-describedby="results-map-note" ref={container} />
    </div>
  );
}
