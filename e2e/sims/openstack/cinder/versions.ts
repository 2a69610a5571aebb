import { formatMicroversion, MIN_MICROVERSION, type Microversion } from './microversion';

/** GET /volume/ (300) and GET /volume/v3/ (200) share this body in real Cinder. */
export function versionsBody(serviceUrl: string, max: Microversion) {
  return {
    versions: [
      {
        id: 'v3.0',
        links: [
          { href: 'https://docs.openstack.org/', rel: 'describedby', type: 'text/html' },
          { href: `${serviceUrl}/v3/`, rel: 'self' },
        ],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
        min_version: formatMicroversion(MIN_MICROVERSION),
        status: 'CURRENT',
        updated: '2023-08-31T00:00:00Z',
        version: formatMicroversion(max),
      },
    ],
  };
}
