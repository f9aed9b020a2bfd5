// Vite's client types for the renderer: import.meta.glob, import.meta.env, asset imports.
/// <reference types="vite/client" />
