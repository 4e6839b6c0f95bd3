// The customer page's call: the microphone, one WebRTC peer, and the SDP offer sent to the
// gateway (which holds the key and the call). No key and no event ever reach this page.
'use strict'

const TEXTS = {
  en: {
    title: 'Talk to OutdoorGear',
    notice: 'You are talking to an AI assistant. This call is recorded.',
    ready: 'Press Call, then allow the microphone.',
    call: 'Call',
    hangup: 'Hang up',
    connecting: 'Connecting…',
    connected: 'Connected. Speak when you are ready.',
    ended: 'Call ended. Thank you for calling OutdoorGear.',
    busy: 'All our lines are busy. Please try again in a minute.',
    noMic: 'The call needs your microphone. Allow it in the browser and press Call again.',
    failed: 'The call could not be connected. Please try again later.',
    lost: 'The call was cut off.'
  },
  es: {
    title: 'Hable con OutdoorGear',
    notice: 'Está hablando con un asistente de IA. Esta llamada se graba.',
    ready: 'Pulse Llamar y permita el uso del micrófono.',
    call: 'Llamar',
    hangup: 'Colgar',
    connecting: 'Conectando…',
    connected: 'Conectado. Hable cuando quiera.',
    ended: 'Llamada finalizada. Gracias por llamar a OutdoorGear.',
    busy: 'Todas nuestras líneas están ocupadas. Inténtelo de nuevo en un minuto.',
    noMic:
      'La llamada necesita su micrófono. Permítalo en el navegador y pulse Llamar de nuevo.',
    failed: 'No se pudo conectar la llamada. Inténtelo más tarde.',
    lost: 'La llamada se cortó.'
  },
  fr: {
    title: 'Parler à OutdoorGear',
    notice: 'Vous parlez à un assistant IA. Cet appel est enregistré.',
    ready: 'Appuyez sur Appeler, puis autorisez le micro.',
    call: 'Appeler',
    hangup: 'Raccrocher',
    connecting: 'Connexion…',
    connected: 'Connecté. Parlez quand vous voulez.',
    ended: 'Appel terminé. Merci d’avoir appelé OutdoorGear.',
    busy: 'Toutes nos lignes sont occupées. Réessayez dans une minute.',
    noMic: 'L’appel a besoin de votre micro. Autorisez-le dans le navigateur et rappuyez sur Appeler.',
    failed: 'L’appel n’a pas pu être établi. Réessayez plus tard.',
    lost: 'L’appel a été coupé.'
  }
}

const language =
  (navigator.languages || [navigator.language])
    .map((tag) => String(tag).slice(0, 2).toLowerCase())
    .find((code) => code in TEXTS) || 'en'
const text = TEXTS[language]

const callButton = document.getElementById('call')
const hangupButton = document.getElementById('hangup')
const statusLine = document.querySelector('.status')
const agentAudio = document.getElementById('agent')

document.documentElement.lang = language
document.title = text.title
for (const element of document.querySelectorAll('[data-text]'))
  element.textContent = text[element.dataset.text]

let call = null

function show(state) {
  statusLine.textContent = text[state]
  statusLine.dataset.state = state
  const live = state === 'connecting' || state === 'connected'
  callButton.hidden = live
  hangupButton.hidden = !live
  callButton.disabled = false
}

/** Resolves when the offer holds every candidate: the gateway takes one offer, no trickle. */
function gatheringComplete(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve()
  return new Promise((resolve) => {
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') resolve()
    })
  })
}

async function startCall() {
  callButton.disabled = true
  let microphone
  try {
    microphone = await navigator.mediaDevices.getUserMedia({ audio: true })
  } catch {
    show('noMic')
    return
  }
  show('connecting')
  const pc = new RTCPeerConnection()
  call = { pc, microphone, token: null, over: false }
  pc.ontrack = (event) => (agentAudio.srcObject = event.streams[0])
  pc.addTrack(microphone.getAudioTracks()[0], microphone)
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'connected') show('connected')
    if (pc.connectionState === 'failed' || pc.connectionState === 'closed') finish('lost')
  }
  try {
    // GPT-Live's session talks on a data channel (the gateway locks it to no events for this
    // page); a Realtime call's offer is audio only.
    const setup = await (await fetch('/call/setup', { cache: 'no-store' })).json()
    if (setup.dataChannel === true) pc.createDataChannel('events')
    await pc.setLocalDescription(await pc.createOffer())
    await gatheringComplete(pc)
    const res = await fetch('/call/offer', {
      method: 'POST',
      headers: { 'content-type': 'application/sdp' },
      body: pc.localDescription.sdp
    })
    if (res.status === 503) return finish('busy')
    if (res.status !== 201) return finish('failed')
    call.token = res.headers.get('x-call-token')
    await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() })
  } catch {
    finish('failed')
  }
}

/** Ends the call on this side; the gateway is told, so the agent stops at once. */
function finish(state) {
  if (!call || call.over) return
  call.over = true
  const { pc, microphone, token } = call
  call = null
  microphone.getTracks().forEach((track) => track.stop())
  pc.onconnectionstatechange = null
  pc.close()
  if (token)
    void fetch('/call/hangup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      keepalive: true
    }).catch(() => undefined)
  show(state)
}

callButton.addEventListener('click', () => void startCall())
hangupButton.addEventListener('click', () => finish('ended'))
window.addEventListener('pagehide', () => finish('ended'))
