// WebGL drawing only pays off on a real GPU; on software rasterisers (SwiftShader, llvmpipe) it is slower
// and less reliable than the 2D canvas, so we check what the context reports before opting in.
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|software|softpipe|mesa offscreen/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

export function hasHardwareWebGL(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    // Without the extension we cannot tell software from hardware: stay on the safe 2D canvas.
    if (!info) return false;
    const name = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name.length > 0 && !isSoftwareRenderer(name);
  } catch {
    return false;
  }
}
