declare module 'pdfmake/js/ElementWriter.js';
